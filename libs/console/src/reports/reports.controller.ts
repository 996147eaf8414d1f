import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { QueryBus } from '@nestjs/cqrs';
import { RequestValidationFailed, Access } from '@homeward/platform';
import type { BoardReport } from './board-report.response';
import { GetBoardReport } from './get-board.query';
import { GetSsda903Missing } from './get-ssda903-missing.query';
import { parseReportPeriod, type ReportPeriod } from './report-dates';
import { toSsda903Csv } from './ssda903';

@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  /** `?from=YYYY-MM-DD&to=YYYY-MM-DD&localAuthority=`: the safeguarding board's figures. */
  @Get('board')
  @Access('GET /api/v1/reports/board')
  board(
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('localAuthority') localAuthority?: string,
  ): Promise<BoardReport> {
    return this.queries.execute(
      new GetBoardReport(periodOf(from, to), authorityOf(localAuthority)),
    );
  }

  /** `?from=&to=&localAuthority=`: the SSDA903 Missing table of looked-after children, as CSV. */
  @Get('ssda903/missing')
  @Access('GET /api/v1/reports/ssda903/missing')
  @ApiOkResponse({
    description:
      'the SSDA903 Missing table as a CSV attachment (`ssda903-missing-<from>-<to>.csv`), ' +
      'one row per episode of a looked-after child, with a header row',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async ssda903Missing(
    // Headers set only once the file is ready, so a 400 or 409 still answers JSON.
    @Res({ passthrough: true }) res: Response,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('localAuthority') localAuthority?: string,
  ): Promise<string> {
    const rows = await this.queries.execute(
      new GetSsda903Missing(periodOf(from, to), authorityOf(localAuthority)),
    );
    res.type('text/csv; charset=utf-8');
    res.attachment(`ssda903-missing-${from}-${to}.csv`);
    return toSsda903Csv(rows);
  }
}

function periodOf(from?: string, to?: string): ReportPeriod {
  const parsed = parseReportPeriod({ from, to });
  if (!parsed.period) throw new RequestValidationFailed(parsed.errors);
  return parsed.period;
}

/** A blank `localAuthority` means every authority. */
const authorityOf = (value?: string): string | null => (value?.trim() ? value.trim() : null);
