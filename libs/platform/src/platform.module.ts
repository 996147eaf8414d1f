import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditReadsInterceptor } from './access/audit-reads.interceptor';
import { BreakGlassAlerts } from './access/break-glass-alerts';
import { ChildAccess } from './access/child-access';
import { PolicedQueries } from './access/policed-queries';
import { AuditModule } from './audit/audit.module';
import { JoseTokenVerifier } from './auth/jose-token-verifier';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { TOKEN_VERIFIER } from './auth/token-verifier';
import { HOMEWARD_CONFIG, type HomewardConfig } from './config/homeward-config';
import { DatabaseModule } from './database/database.module';
import { EventProcessing } from './event-processing/event-processing.service';
import { HealthController } from './health/health.controller';
import { DomainExceptionFilter } from './http/domain-exception.filter';
import { RequestValidationPipe } from './http/request-validation.pipe';
import { WriteRateLimitGuard, writeRateLimitOptions } from './http/write-rate-limit.guard';
import { MessagingModule } from './messaging/messaging.module';
import { ObservabilityModule } from './observability/observability.module';
import { OperatorRequests } from './operations/operator-requests.service';
import { WakeUps } from './scheduling/wake-ups';
import { SafeInputPipe } from './validation/safe-input.pipe';

/**
 * What every Homeward service needs: validated configuration, the stores, Kafka and the
 * scheduler when configured, event processing, authentication, one error shape, health, and
 * logs, request context and metrics.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: HomewardConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ObservabilityModule.forRoot(config),
        CqrsModule.forRoot(),
        TerminusModule,
        ThrottlerModule.forRoot(writeRateLimitOptions(config)),
        DatabaseModule,
        MessagingModule,
        AuditModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: HOMEWARD_CONFIG, useValue: config },
        EventProcessing,
        WakeUps,
        OperatorRequests,
        ChildAccess,
        PolicedQueries,
        BreakGlassAlerts,
        { provide: TOKEN_VERIFIER, useClass: JoseTokenVerifier },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        // After JwtAuthGuard (guards run in the order provided): it counts the verified caller.
        { provide: APP_GUARD, useClass: WriteRateLimitGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditReadsInterceptor },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        { provide: APP_PIPE, useClass: SafeInputPipe },
        // After SafeInputPipe: Nest applies global pipes in the order they are provided.
        { provide: APP_PIPE, useClass: RequestValidationPipe },
      ],
      exports: [
        HOMEWARD_CONFIG,
        TOKEN_VERIFIER,
        EventProcessing,
        WakeUps,
        ChildAccess,
        CqrsModule,
        DatabaseModule,
        MessagingModule,
        AuditModule,
      ],
    };
  }
}
