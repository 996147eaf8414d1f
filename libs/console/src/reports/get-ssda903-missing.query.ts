import { Query } from '@nestjs/cqrs';
import type { ReportPeriod } from './report-dates';
import type { Ssda903Row } from './ssda903';

/**
 * The SSDA903 `Missing` rows for a period: every episode of a looked-after child that has a day
 * in common with it; one local authority's when named (ignoring case).
 */
export class GetSsda903Missing extends Query<Ssda903Row[]> {
  constructor(
    readonly period: ReportPeriod,
    readonly localAuthority: string | null = null,
  ) {
    super();
  }
}
