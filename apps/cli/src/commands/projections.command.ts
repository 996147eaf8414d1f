import { Command, Option, SubCommand } from 'nest-commander';
import { OperatorCommand } from '../operator-command';
import {
  findCheckpoint,
  kafkaBoundaryCheckpoint,
  listProjections,
  rebuildProjection,
} from '@homeward/platform';
import { ALL_READ_MODELS, CliContext } from '../cli-context';
import { say, table } from '../print';
import { UsageError } from '../usage-error';

@SubCommand({ name: 'list', description: 'each projection: its checkpoint, lag and parked events' })
export class ProjectionsListCommand extends OperatorCommand {
  constructor(private readonly cli: CliContext) {
    super();
  }

  async run(): Promise<void> {
    await this.cli.withDatabase(async ({ db, head }) => {
      const at = await head();
      const statuses = await listProjections(db, ALL_READ_MODELS, at);
      say(`event store head: ${at}`);
      table(
        ['projection', 'checkpoint', 'lag', 'parked', 'tables'],
        statuses.map((s) => [
          s.name,
          s.kafkaBoundary === null
            ? (s.checkpoint ?? 'never ran')
            : `kafka after ${s.kafkaBoundary}`,
          s.lag ?? 'n/a (Kafka offsets)',
          s.parked,
          s.tables.join(','),
        ]),
      );
    });
  }
}

interface RebuildOptions {
  wait?: boolean;
  timeout: number;
}

@SubCommand({
  name: 'rebuild',
  arguments: '<name>',
  description:
    "drop a projection's tables and checkpoint; the running Homeward replays it from the store",
})
export class ProjectionsRebuildCommand extends OperatorCommand {
  constructor(private readonly cli: CliContext) {
    super();
  }

  async run([name]: string[], options: RebuildOptions): Promise<void> {
    const readModel = this.cli.readModel(name);
    await this.cli.withDatabase(async ({ db, head, config }) => {
      const at = await head();
      const result = await rebuildProjection(db, readModel);
      say(
        `${name}: dropped ${result.droppedTables.join(', ')} and created them again; checkpoint ` +
          `${result.previousCheckpoint ?? 'none'} -> 0 (generation ${result.generation})` +
          (result.deadLettersCleared ? `; ${result.deadLettersCleared} dead letters cleared` : ''),
      );
      if (config.database.kind === 'pglite') {
        return say(
          `${name}: Homeward replays it from the store (${at} events) when it next starts`,
        );
      }
      say(
        `${name}: a running Homeward replays it from the store now (head ${at}); one started later does at start-up`,
      );
      if (!options.wait) return;
      const caughtUp = await waitFor(options.timeout * 1000, async () => {
        const done = Math.max(
          (await findCheckpoint(db, name)) ?? 0,
          (await findCheckpoint(db, kafkaBoundaryCheckpoint(name))) ?? 0,
        );
        return done >= at;
      });
      if (!caughtUp) {
        throw new Error(
          `${name} had not replayed to ${at} after ${options.timeout} s: is Homeward running?`,
        );
      }
      say(`${name}: replayed to ${at}`);
    });
  }

  @Option({ flags: '--wait', description: 'wait until the running Homeward has replayed it' })
  parseWait(): boolean {
    return true;
  }

  @Option({ flags: '--timeout <seconds>', description: 'how long --wait waits', defaultValue: 300 })
  parseTimeout(value: string): number {
    const seconds = Number(value);
    if (!Number.isInteger(seconds) || seconds <= 0) {
      throw new UsageError(`--timeout takes a whole number of seconds, not "${value}"`);
    }
    return seconds;
  }
}

@Command({
  name: 'projections',
  description: 'list projections, rebuild one',
  subCommands: [ProjectionsListCommand, ProjectionsRebuildCommand],
})
export class ProjectionsCommand extends OperatorCommand {
  async run(): Promise<void> {
    throw new UsageError('projections: say `list` or `rebuild <name>`');
  }
}

async function waitFor(ms: number, done: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return done();
}
