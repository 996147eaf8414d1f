import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ALERT_AUDIENCES,
  ALERT_STATUSES,
  ALERT_TYPES,
  type AlertAudience,
  type AlertStatus,
  type AlertType,
} from '@homeward/domain';
import {
  CurrentCaller,
  RequestValidationFailed,
  Access,
  alertAudiencesOf,
  type Caller,
} from '@homeward/platform';
import { GetAlerts, type AlertFilter, type AlertItem } from './get-alerts.query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly queries: QueryBus) {}

  /** `?type=&childId=&audience=&status=` */
  @Get()
  @Access('GET /api/v1/alerts')
  list(
    @CurrentCaller() caller: Caller,
    @Query('type') type?: string,
    @Query('childId') childId?: string,
    @Query('audience') audience?: string,
    @Query('status') status?: string,
  ): Promise<AlertItem[]> {
    const errors = [];
    if (type !== undefined && !ALERT_TYPES.includes(type as AlertType)) {
      errors.push({ field: 'type', message: `must be one of ${ALERT_TYPES.join(', ')}` });
    }
    if (audience !== undefined && !ALERT_AUDIENCES.includes(audience as AlertAudience)) {
      errors.push({ field: 'audience', message: `must be one of ${ALERT_AUDIENCES.join(', ')}` });
    }
    if (status !== undefined && !ALERT_STATUSES.includes(status as AlertStatus)) {
      errors.push({ field: 'status', message: `must be one of ${ALERT_STATUSES.join(', ')}` });
    }
    if (childId !== undefined && !UUID.test(childId)) {
      errors.push({ field: 'childId', message: 'must be a UUID' });
    }
    if (errors.length > 0) throw new RequestValidationFailed(errors);
    const visible = alertAudiencesOf(caller);
    const filter: AlertFilter = {
      audiences: audience ? visible.filter((a) => a === audience) : visible,
      ...(type ? { type: type as AlertType } : {}),
      ...(childId ? { childId } : {}),
      ...(status ? { status: status as AlertStatus } : {}),
    };
    return this.queries.execute(new GetAlerts(filter));
  }
}
