import { Command, Option, SubCommand } from 'nest-commander';
import { OperatorCommand } from '../operator-command';
import { listDeadLetters, retryDeadLetters } from '@homeward/platform';
import { CliContext } from '../cli-context';
import { say, table } from '../print';
import { UsageError, parseIds } from '../usage-error';

@SubCommand({
  name: 'list',
  description: 'events parked as poison, with their processor and error',
})
export class DeadLettersListCommand extends OperatorCommand {
  constructor(private readonly cli: CliContext) {
    super();
  }

  async run(): Promise<void> {
    await this.cli.withDatabase(async ({ db }) => {
      const parked = await listDeadLetters(db);
      if (parked.length === 0) return say('no dead letters');
      table(
        ['id', 'processor', 'event', 'position', 'attempts', 'parked at', 'error'],
        parked.map((d) => [
          d.id,
          d.processor,
          `${d.eventType} ${d.eventId}`,
          d.globalPosition,
          d.attempts,
          d.parkedAt,
          d.error.replace(/\s+/g, ' ').slice(0, 120),
        ]),
      );
    });
  }
}

@SubCommand({
  name: 'retry',
  arguments: '[ids...]',
  description: 'replay parked events (by id, or --all) once their cause is fixed',
})
export class DeadLettersRetryCommand extends OperatorCommand {
  constructor(private readonly cli: CliContext) {
    super();
  }

  async run(values: string[], options: { all?: boolean }): Promise<void> {
    if (options.all && values.length > 0)
      throw new UsageError('give dead letter ids or --all, not both');
    if (!options.all && values.length === 0) throw new UsageError('give dead letter ids, or --all');
    const ids = options.all ? null : parseIds(values);
    await this.cli.withDatabase(async ({ db }) => {
      const { retried, unknown } = await retryDeadLetters(db, ids);
      if (unknown.length > 0) {
        throw new UsageError(
          `no dead letter has id ${unknown.join(', ')} (see \`dead-letters list\`)`,
        );
      }
      if (retried.length === 0) return say('no dead letters to retry');
      for (const r of retried) {
        say(
          `${r.processor}: ${r.deadLetters.length} dead letter(s) (${r.deadLetters.map((d) => d.id).join(', ')}) ` +
            `removed; checkpoint ${r.from ?? 'none'} -> ${r.to}, so it handles position ${r.to + 1} onwards again`,
        );
      }
      say('a running Homeward replays them within a second; one started later does at start-up');
    });
  }

  @Option({ flags: '--all', description: 'every dead letter' })
  parseAll(): boolean {
    return true;
  }
}

@Command({
  name: 'dead-letters',
  description: 'list or retry events a projection or reactor parked',
  subCommands: [DeadLettersListCommand, DeadLettersRetryCommand],
})
export class DeadLettersCommand extends OperatorCommand {
  async run(): Promise<void> {
    throw new UsageError('dead-letters: say `list` or `retry <id...|--all>`');
  }
}
