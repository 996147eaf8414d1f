import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AUDIT_LOG } from './audit-log';
import { AuditController } from './audit.controller';
import { SqlAuditLog } from './sql-audit-log';

/**
 * The audit log (hw_audit, in the SQL database every service has) and its read-only route.
 * Imported by PlatformModule, so every service, the embedded one included, can inject
 * AUDIT_LOG and serves GET /api/v1/audit.
 */
@Module({
  controllers: [AuditController],
  providers: [{ provide: AUDIT_LOG, useClass: SqlAuditLog }],
  exports: [AUDIT_LOG],
})
export class AuditModule implements NestModule {
  /**
   * The audit is never changed through the API: DELETE, PUT and PATCH on it (or on one entry)
   * are answered 405 before authentication, naming the one method there is. They are not
   * routes, so the OpenAPI document does not list them.
   */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(refuseChanges).forRoutes(
      ...['api/v1/audit', 'api/v1/audit/*seq'].flatMap((path) =>
        [RequestMethod.DELETE, RequestMethod.PUT, RequestMethod.PATCH].map((method) => ({
          path,
          method,
        })),
      ),
    );
  }
}

function refuseChanges(req: Request, res: Response, _next: NextFunction): void {
  res
    .status(405)
    .set('Allow', 'GET')
    .json({ message: `the audit is append-only: ${req.method} is not allowed; use GET` });
}
