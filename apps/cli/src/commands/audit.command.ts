import { Command, Option, SubCommand } from 'nest-commander';
import { SqlAuditLog, type AuditFilter } from '@homeward/platform';
import { CliContext } from '../cli-context';
import { OperatorCommand } from '../operator-command';
import { say, table } from '../print';
import { EXIT, UsageError } from '../usage-error';

@SubCommand({
  name: 'verify',
  description:
    'walk the whole audit chain, recomputing each hash and link; exit 1 at the first changed or removed entry',
})
export class AuditVerifyCommand extends OperatorCommand {
  constructor(private readonly cli: CliContext) {
    super();
  }

  async run(): Promise<void> {
    const verification = await this.cli.withDatabase(async ({ db }) =>
      (await SqlAuditLog.create(db)).verify(),
    );
    if (verification.ok) {
      say(`audit: ${verification.checked} entries, chain intact`);
      return;
    }
    const broken = verification.firstBroken!;
    say(`audit: chain broken at entry ${broken.seq}: ${broken.problem}`);
    say(`(${verification.checked} entries before it are intact)`);
    // The database is closed by now: nothing is left to finish.
    process.exit(EXIT.failed);
  }
}

interface ListOptions {
  child?: string;
  sub?: string;
  from?: string;
  to?: string;
  after?: number;
  limit: number;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(flag: string, value: string): string {
  if (!INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(
      `${flag} takes an ISO 8601 date-time with an offset (e.g. 2026-11-20T21:30:00Z), not "${value}"`,
    );
  }
  return new Date(value).toISOString();
}

@SubCommand({
  name: 'list',
  description: 'audit entries, oldest first: who read which child, when, and why',
})
export class AuditListCommand extends OperatorCommand {
  constructor(private readonly cli: CliContext) {
    super();
  }

  async run(_: string[], options: ListOptions): Promise<void> {
    if (options.from && options.to && options.to <= options.from) {
      throw new UsageError('--to must be after --from');
    }
    const filter: AuditFilter = {
      ...(options.child !== undefined ? { childId: options.child } : {}),
      ...(options.sub !== undefined ? { sub: options.sub } : {}),
      ...(options.from !== undefined ? { from: options.from } : {}),
      ...(options.to !== undefined ? { to: options.to } : {}),
    };
    await this.cli.withDatabase(async ({ db }) => {
      const page = await (
        await SqlAuditLog.create(db)
      ).list(filter, {
        ...(options.after !== undefined ? { after: options.after } : {}),
        limit: options.limit,
      });
      if (page.entries.length === 0) return say('no audit entries');
      table(
        ['seq', 'at', 'kind', 'sub', 'route', 'children', 'purpose', 'records', 'status'],
        page.entries.map((e) => [
          e.seq,
          e.at,
          e.kind,
          e.sub,
          e.route,
          e.childIds.join(',') || '-',
          (e.purpose ?? '-').replace(/\s+/g, ' ').slice(0, 60),
          e.records,
          `${e.status} ${e.result}`,
        ]),
      );
      if (page.next !== null) say(`more: add --after ${page.next}`);
    });
  }

  @Option({ flags: '--child <childId>', description: 'entries naming this child' })
  parseChild(value: string): string {
    return value;
  }

  @Option({ flags: '--sub <sub>', description: 'entries of this caller' })
  parseSub(value: string): string {
    return value;
  }

  @Option({ flags: '--from <instant>', description: 'recorded at or after (ISO 8601)' })
  parseFrom(value: string): string {
    return instant('--from', value);
  }

  @Option({ flags: '--to <instant>', description: 'recorded before (ISO 8601)' })
  parseTo(value: string): string {
    return instant('--to', value);
  }

  @Option({ flags: '--after <seq>', description: 'entries after this one (the `more` line)' })
  parseAfter(value: string): number {
    if (!/^(0|[1-9][0-9]{0,15})$/.test(value)) {
      throw new UsageError(`--after takes an entry number (0 or more), not "${value}"`);
    }
    return Number(value);
  }

  @Option({
    flags: '--limit <n>',
    description: 'at most this many entries (1 to 500)',
    defaultValue: 100,
  })
  parseLimit(value: string): number {
    const n = Number(value);
    if (!/^[1-9][0-9]*$/.test(value) || n > 500) {
      throw new UsageError(`--limit takes a whole number from 1 to 500, not "${value}"`);
    }
    return n;
  }
}

@Command({
  name: 'audit',
  description: 'verify or list the audit of reads and disclosures',
  subCommands: [AuditVerifyCommand, AuditListCommand],
})
export class AuditCommand extends OperatorCommand {
  async run(): Promise<void> {
    throw new UsageError('audit: say `verify` or `list`');
  }
}
