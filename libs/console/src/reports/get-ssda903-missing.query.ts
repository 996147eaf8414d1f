import { Query } from '@nestjs/cqrs';
import type { ChildLevelQuery } from '@homeward/platform';
import type { ReportPeriod } from './report-dates';
import type { Ssda903Row } from './ssda903';

/**
 * The SSDA903 `Missing` rows for a period: every episode of a looked-after child that has a day
 * in common with it; one local authority's when named (ignoring case).
 */
export class GetSsda903Missing
  extends Query<Ssda903Row[]>
  implements ChildLevelQuery<Ssda903Row[]>
{
  constructor(
    readonly period: ReportPeriod,
    readonly localAuthority: string | null = null,
  ) {
    super();
  }

  /** Scoped by the access policy: only an authority the caller works for. */
  get authority(): string | null {
    return this.localAuthority;
  }

  childrenIn(rows: Ssda903Row[]): string[] {
    return rows.map((r) => r.CHILD);
  }
}
