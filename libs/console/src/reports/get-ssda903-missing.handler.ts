import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Classification } from '@homeward/domain';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { GetSsda903Missing } from './get-ssda903-missing.query';
import {
  overlapsPeriod,
  ssda903Start,
  toSsda903Rows,
  type Ssda903Episode,
  type Ssda903Row,
} from './ssda903';

interface Row {
  child_id: string;
  date_of_birth: string | null;
  classification: Classification;
  last_seen_at: Date | string | null;
  reported_at: Date | string;
  found_at: Date | string | null;
  returned_at: Date | string | null;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

@QueryHandler(GetSsda903Missing)
export class GetSsda903MissingHandler implements IQueryHandler<GetSsda903Missing> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ period, localAuthority }: GetSsda903Missing): Promise<Ssda903Row[]> {
    // A coarse cut in SQL (a late-reported episode may start at its found time, see ssda903Start);
    // the exact overlap is decided below on the same start the return shows.
    const rows = await this.db.query<Row>(
      `SELECT child_id::text AS child_id, date_of_birth, classification, last_seen_at,
              reported_at, found_at, returned_at
       FROM rm_report_episodes_v1
       WHERE looked_after AND NOT cancelled
         AND (end_date IS NULL OR end_date >= $1::date)
         AND LEAST(start_date, COALESCE(found_at::date, start_date)) <= $2::date + 1
         AND ($3::text IS NULL OR lower(trim(local_authority)) = lower(trim($3::text)))`,
      [period.from, period.to, localAuthority],
    );
    const episodes: Ssda903Episode[] = rows
      .map((r) => ({
        childId: r.child_id,
        dateOfBirth: r.date_of_birth,
        classification: r.classification,
        startAt: ssda903Start({
          lastSeenAt: iso(r.last_seen_at),
          reportedAt: iso(r.reported_at)!,
          foundAt: iso(r.found_at),
        }),
        endAt: iso(r.returned_at),
      }))
      .filter((e) => overlapsPeriod(e, period));
    return toSsda903Rows(episodes);
  }
}
