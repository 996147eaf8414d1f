import { Command, Option, SubCommand } from 'nest-commander';
import { OperatorCommand } from '../operator-command';
import { requestOfRunningProcesses } from '@homeward/platform';
import { CliContext } from '../cli-context';
import { say } from '../print';
import { UsageError } from '../usage-error';

@SubCommand({
  name: 'rearm',
  description: 'ask the running Homeward processes to arm every open deadline again',
})
export class DeadlinesRearmCommand extends OperatorCommand {
  constructor(private readonly cli: CliContext) {
    super();
  }

  /**
   * Wake-ups live in the running process's scheduler (in memory without REDIS_URL), and only it
   * knows how each kind is armed, so the CLI asks it through the database and reports who
   * answered. With PGlite no Homeward can be running beside the CLI: it arms every open
   * deadline when it starts.
   */
  async run(_: string[], options: { wait: number }): Promise<void> {
    await this.cli.withDatabase(async ({ db, config }) => {
      if (config.database.kind === 'pglite') {
        return say(
          'no Homeward is running on this data directory; it arms every open deadline when it starts',
        );
      }
      // The all-in-one process is the only one to answer when it runs; split services answer
      // one each (interviews, safeguarding): wait for the time given, or for the all-in-one.
      const { id, acks } = await requestOfRunningProcesses(
        db,
        'deadlines.rearm',
        options.wait * 1000,
        (a) => a.some((ack) => ack.service === 'all'),
      );
      if (acks.length === 0) {
        throw new Error(
          `request ${id}: no running Homeward answered within ${options.wait} s; ` +
            'each arms every open deadline when it starts',
        );
      }
      for (const ack of acks) say(`${ack.service}: ${ack.detail} at ${ack.handledAt}`);
    });
  }

  @Option({
    flags: '--wait <seconds>',
    description: 'how long to wait for answers',
    defaultValue: 10,
  })
  parseWait(value: string): number {
    const seconds = Number(value);
    if (!Number.isInteger(seconds) || seconds <= 0) {
      throw new UsageError(`--wait takes a whole number of seconds, not "${value}"`);
    }
    return seconds;
  }
}

@Command({
  name: 'deadlines',
  description: 'deadline alarms',
  subCommands: [DeadlinesRearmCommand],
})
export class DeadlinesCommand extends OperatorCommand {
  async run(): Promise<void> {
    throw new UsageError('deadlines: say `rearm`');
  }
}
