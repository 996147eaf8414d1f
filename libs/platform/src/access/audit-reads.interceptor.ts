import {
  HttpException,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RecordNotFound } from '@homeward/domain';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { Request } from 'express';
import { AUDIT_LOG, type AuditEntryInput, type AuditLog } from '../audit/audit-log';
import { RequestValidationFailed } from '../http/validation-errors';
import { RequestContext } from '../observability/request-context';
import { ACCESS_KEY } from './access.decorator';
import { routePolicyOf } from './access-policy';
import { BreakGlassAlerts } from './break-glass-alerts';

/**
 * The one place reads of child-level data are audited: every call of a CHILD_DATA route, with
 * who, the route, the children the query layer handed out (or the one asked about), the stated
 * purpose, how many records and the result. The entry is written before the answer leaves: a
 * read that cannot be audited is not answered.
 */
@Injectable()
export class AuditReadsInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    private readonly breakGlass: BreakGlassAlerts,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const key = this.reflector.getAllAndOverride<string>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (key === undefined || routePolicyOf(key)?.reads !== 'CHILD_DATA') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    return from(this.audited(key, request, next));
  }

  private async audited(key: string, request: Request, next: CallHandler): Promise<unknown> {
    let result: unknown;
    try {
      result = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.record(key, request, statusOf(error));
      throw error;
    }
    await this.record(key, request, 200);
    return result;
  }

  private async record(key: string, request: Request, status: number): Promise<void> {
    const context = RequestContext.current();
    const caller = context.caller;
    if (!caller) return;
    // The child asked about, when the path names one (a malformed id names no child).
    const param = request.params?.childId;
    const asked = typeof param === 'string' && UUID.test(param) ? [param.toLowerCase()] : [];
    const read = context.reads;
    const childIds = [...new Set([...asked, ...(read ? read.childIds : [])])];
    const entry: AuditEntryInput = {
      kind: 'READ',
      sub: caller.sub,
      roles: caller.roles,
      organisation: caller.organisation,
      route: key,
      childIds,
      purpose: context.purpose ?? null,
      records: status < 300 ? (read?.records ?? 0) : 0,
      status,
      result: resultOf(status),
      requestId: context.requestId ?? null,
    };
    const brokeGlassFor = status < 300 && read ? [...read.brokeGlassFor] : [];
    if (brokeGlassFor.length > 0) {
      const recorded = await this.audit.record({
        ...entry,
        kind: 'BREAK_GLASS',
        reason: context.breakGlassReason ?? null,
      });
      await this.breakGlass.raise(recorded);
      return;
    }
    await this.audit.record(entry);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  if (error instanceof RequestValidationFailed) return 400;
  if (error instanceof RecordNotFound) return 404;
  return 500;
}

function resultOf(status: number): string {
  if (status < 300) return 'ok';
  if (status === 404) return 'not-found';
  if (status === 403) return 'forbidden';
  if (status === 400) return 'bad-request';
  if (status === 503) return 'unavailable';
  return 'error';
}
