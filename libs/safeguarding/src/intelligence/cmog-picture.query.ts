import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { ChildAccess, currentScope, type ChildLevelQuery } from '@homeward/platform';

export interface PictureEntry {
  /** Null for an offender not yet named: the aliases and descriptions are all there is. */
  name: string | null;
  aliases: string[];
  descriptions: string[];
  reports: number;
  /** The best grades any report gave: reliability 5 and accuracy 1 are the strongest. */
  gradings: Array<{ reliability: string; accuracy: string }>;
  childIds: string[];
  lastReportedAt: string;
}

export interface CmogPicture {
  offenders: PictureEntry[];
  premises: Array<{
    tradingName: string;
    address: string;
    reports: number;
    lastReportedAt: string;
  }>;
  vehicles: Array<{
    registration: string | null;
    descriptions: string[];
    reports: number;
    lastReportedAt: string;
  }>;
}

export class GetCmogPicture extends Query<CmogPicture> implements ChildLevelQuery<CmogPicture> {
  childrenIn(picture: CmogPicture): string[] {
    return picture.offenders.flatMap((o) => o.childIds);
  }

  recordsIn(picture: CmogPicture): number {
    return picture.offenders.length + picture.premises.length + picture.vehicles.length;
  }
}

interface Row {
  report_id: string;
  kind: 'OFFENDER' | 'PREMISES' | 'VEHICLE';
  document: Record<string, unknown>;
  child_ids: string[];
  reliability: string;
  accuracy: string;
  recorded_at: Date;
}

const key = (value: unknown): string =>
  (typeof value === 'string' ? value : '').trim().toLowerCase().replace(/\s+/g, ' ');
const later = (a: string, b: string) => (a > b ? a : b);

/** Offenders by name (each unnamed one on its own), premises by name and address, vehicles by registration. */
@QueryHandler(GetCmogPicture)
export class GetCmogPictureHandler implements IQueryHandler<GetCmogPicture> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly access: ChildAccess,
  ) {}

  async execute(): Promise<CmogPicture> {
    const rows = await this.db.query<Row>(
      `SELECT report_id::text AS report_id, kind, document, child_ids, reliability, accuracy,
              recorded_at
       FROM rm_cmog_picture ORDER BY recorded_at, report_id, item`,
    );
    // A report about children is in the picture of whoever may see one of them; a report that
    // names no child (a place, a vehicle) is in every CMOG's picture.
    const visible = await this.access.visible(
      currentScope(),
      rows.flatMap((r) => r.child_ids),
    );
    const rowsInScope = rows
      .filter((r) => r.child_ids.length === 0 || r.child_ids.some((id) => visible.has(id)))
      .map((r) => ({ ...r, child_ids: r.child_ids.filter((id) => visible.has(id)) }));
    const offenders = new Map<string, PictureEntry>();
    const premises = new Map<string, CmogPicture['premises'][number]>();
    const vehicles = new Map<string, CmogPicture['vehicles'][number]>();
    for (const row of rowsInScope) {
      const at = new Date(row.recorded_at).toISOString();
      const doc = row.document;
      if (row.kind === 'OFFENDER') {
        const name = typeof doc.name === 'string' && doc.name.trim() ? doc.name.trim() : null;
        const k = name ? `name:${key(name)}` : `unnamed:${row.report_id}:${key(doc.description)}`;
        const entry = offenders.get(k) ?? {
          name,
          aliases: [],
          descriptions: [],
          reports: 0,
          gradings: [],
          childIds: [],
          lastReportedAt: at,
        };
        for (const alias of (doc.aliases as string[] | undefined) ?? []) {
          if (!entry.aliases.includes(alias)) entry.aliases.push(alias);
        }
        if (typeof doc.description === 'string' && !entry.descriptions.includes(doc.description)) {
          entry.descriptions.push(doc.description);
        }
        entry.reports += 1;
        entry.gradings.push({ reliability: row.reliability, accuracy: row.accuracy });
        for (const id of row.child_ids) if (!entry.childIds.includes(id)) entry.childIds.push(id);
        entry.lastReportedAt = later(entry.lastReportedAt, at);
        offenders.set(k, entry);
      } else if (row.kind === 'PREMISES') {
        const k = `${key(doc.tradingName)}|${key(doc.address)}`;
        const entry = premises.get(k) ?? {
          tradingName: String(doc.tradingName),
          address: String(doc.address),
          reports: 0,
          lastReportedAt: at,
        };
        entry.reports += 1;
        entry.lastReportedAt = later(entry.lastReportedAt, at);
        premises.set(k, entry);
      } else {
        const registration =
          typeof doc.registration === 'string'
            ? doc.registration.toUpperCase().replace(/\s+/g, '')
            : null;
        const k = registration ?? `unregistered:${row.report_id}:${key(doc.description)}`;
        const entry = vehicles.get(k) ?? {
          registration,
          descriptions: [],
          reports: 0,
          lastReportedAt: at,
        };
        if (typeof doc.description === 'string' && !entry.descriptions.includes(doc.description)) {
          entry.descriptions.push(doc.description);
        }
        entry.reports += 1;
        entry.lastReportedAt = later(entry.lastReportedAt, at);
        vehicles.set(k, entry);
      }
    }
    const byReports = <T extends { reports: number }>(a: T, b: T) => b.reports - a.reports;
    return {
      offenders: [...offenders.values()].sort(byReports),
      premises: [...premises.values()].sort(byReports),
      vehicles: [...vehicles.values()].sort(byReports),
    };
  }
}
