import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { FieldError } from '@homeward/domain';
import { Access } from '../access/access.decorator';
import { RequestValidationFailed } from '../http/validation-errors';
import { AUDIT_LOG, type AuditFilter, type AuditLog } from './audit-log';
import type { AuditPage } from './audit-page.response';

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 500;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const WHOLE = /^(0|[1-9][0-9]{0,15})$/;

/**
 * The audit of reads and disclosures, for the auditor: read-only (DELETE, PUT and PATCH answer
 * 405, see audit.module.ts), oldest first, a page at a time.
 */
@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(AUDIT_LOG) private readonly audit: AuditLog) {}

  /**
   * `?childId=&sub=&from=&to=&after=&limit=`: the entries naming that child, by that caller,
   * recorded from `from` (inclusive) to `to` (exclusive), after entry `after`, at most `limit`
   * (default 100, at most 500). Pass `next` as `after` for the next page. The audit itself is
   * not child-level data: reading it is not audited.
   */
  @Get()
  @Access('GET /api/v1/audit')
  @ApiQuery({ name: 'childId', required: false, description: 'entries naming this child' })
  @ApiQuery({ name: 'sub', required: false, description: 'entries of this caller' })
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'ISO 8601 instant with an offset: entries recorded at or after it',
  })
  @ApiQuery({
    name: 'to',
    required: false,
    description: 'ISO 8601 instant with an offset: entries recorded before it',
  })
  @ApiQuery({
    name: 'after',
    required: false,
    schema: { type: 'integer', minimum: 0 },
    description: 'the `next` of the previous page',
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: AUDIT_PAGE_MAX, default: AUDIT_PAGE_DEFAULT },
  })
  async list(
    @Query('childId') childId?: string,
    @Query('sub') sub?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
  ): Promise<AuditPage> {
    const errors: FieldError[] = [];
    for (const [field, value] of [
      ['childId', childId],
      ['sub', sub],
    ] as const) {
      if (value !== undefined && value.trim() === '') {
        errors.push({ field, message: 'must not be empty' });
      }
    }
    const instant = (field: string, value: string | undefined): number | undefined => {
      if (value === undefined) return undefined;
      const parsed = Date.parse(value);
      if (!INSTANT.test(value) || Number.isNaN(parsed)) {
        errors.push({
          field,
          message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-11-20T21:30:00Z',
        });
        return undefined;
      }
      return parsed;
    };
    const fromAt = instant('from', from);
    const toAt = instant('to', to);
    if (fromAt !== undefined && toAt !== undefined && toAt <= fromAt) {
      errors.push({ field: 'to', message: 'must be after from' });
    }
    if (after !== undefined && !WHOLE.test(after)) {
      errors.push({ field: 'after', message: 'must be a whole number, 0 or more' });
    }
    const size = limit === undefined ? AUDIT_PAGE_DEFAULT : Number(limit);
    if (
      limit !== undefined &&
      (!WHOLE.test(limit) || !Number.isInteger(size) || size < 1 || size > AUDIT_PAGE_MAX)
    ) {
      errors.push({
        field: 'limit',
        message: `must be a whole number from 1 to ${AUDIT_PAGE_MAX}`,
      });
    }
    if (errors.length > 0) throw new RequestValidationFailed(errors);
    const filter: AuditFilter = {
      ...(childId !== undefined ? { childId } : {}),
      ...(sub !== undefined ? { sub } : {}),
      ...(fromAt !== undefined ? { from: new Date(fromAt).toISOString() } : {}),
      ...(toAt !== undefined ? { to: new Date(toAt).toISOString() } : {}),
    };
    const page = await this.audit.list(filter, {
      ...(after !== undefined ? { after: Number(after) } : {}),
      limit: size,
    });
    return page as AuditPage;
  }
}
