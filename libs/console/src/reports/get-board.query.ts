import { Query } from '@nestjs/cqrs';
import type { ChildLevelQuery } from '@homeward/platform';
import type { BoardFigures } from './board-figures';
import type { ReportPeriod } from './report-dates';

export interface BoardReport extends BoardFigures {
  period: ReportPeriod & { localAuthority: string | null };
}

/**
 * The safeguarding board's figures for a period: episodes that began in it (and the interviews
 * offered for them), alerts raised in it; one local authority's when named (ignoring case).
 */
export class GetBoardReport extends Query<BoardReport> implements ChildLevelQuery<BoardReport> {
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

  /** Figures only: no child is named. */
  childrenIn(): string[] {
    return [];
  }
}
