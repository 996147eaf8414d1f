import {
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { InvalidCommand, RuleViolation } from '@homeward/domain';
import { HomewardMetrics, RequestValidationFailed } from '@homeward/platform';
import { tap, type Observable } from 'rxjs';
import { PoliceNotificationsController } from './police-notifications.controller';
import type { NotificationRecorded } from './record-police-notification.command';

/**
 * Counts police notifications sent over HTTP by outcome, from outside the controller: the body
 * is validated (by a pipe or the controller) inside the interceptor chain, so a refused body is
 * seen here as well as a recorded one. A refused token never reaches it (guards run first), and
 * an outage (503) is not a rejection: the notification will be sent again.
 * The Kafka channel is counted by PoliceNotificationConsumer.
 */
@Injectable()
export class NotificationMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: HomewardMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getClass() !== PoliceNotificationsController) return next.handle();
    const count = (outcome: string) => this.metrics.notifications.inc({ channel: 'HTTP', outcome });
    return next.handle().pipe(
      tap({
        next: (result) =>
          count((result as NotificationRecorded).duplicate ? 'duplicate' : 'accepted'),
        error: (error: unknown) => {
          if (isRejection(error)) count('rejected');
        },
      }),
    );
  }
}

function isRejection(error: unknown): boolean {
  if (error instanceof HttpException) return error.getStatus() < 500;
  return (
    error instanceof RequestValidationFailed ||
    error instanceof InvalidCommand ||
    error instanceof RuleViolation
  );
}
