import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { RequestValidationFailed, Access } from '@homeward/platform';
import { AlertDeliveries } from './alert-deliveries.service';
import type { DeliveryRecord, RedriveAnswer } from './delivery-record.response';
import { DELIVERY_STATUSES, type DeliveryStatus } from './delivery-records';
import { GetAlertDeliveries } from './get-alert-deliveries.query';
import { RedriveDeliveriesDto } from './redrive-deliveries.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Webhook deliveries of alerts, for the safeguarding manager and operations: what failed, and re-driving it. */
@Controller('api/v1/alerts/deliveries')
export class AlertDeliveriesController {
  constructor(
    private readonly deliveries: AlertDeliveries,
    private readonly queries: QueryBus,
  ) {}

  /** `?status=PENDING|DELIVERED|FAILED&alertId=&target=`, newest first (at most 500). */
  @Get()
  @Access('GET /api/v1/alerts/deliveries')
  list(
    @Query('status') status?: string,
    @Query('alertId') alertId?: string,
    @Query('target') target?: string,
  ): Promise<DeliveryRecord[]> {
    const errors = [];
    if (status !== undefined && !DELIVERY_STATUSES.includes(status as DeliveryStatus)) {
      errors.push({ field: 'status', message: `must be one of ${DELIVERY_STATUSES.join(', ')}` });
    }
    if (alertId !== undefined && !UUID.test(alertId)) {
      errors.push({ field: 'alertId', message: 'must be a UUID' });
    }
    if (errors.length > 0) throw new RequestValidationFailed(errors);
    return this.queries.execute(
      new GetAlertDeliveries({
        ...(status ? { status: status as DeliveryStatus } : {}),
        ...(alertId ? { alertId } : {}),
        ...(target ? { target } : {}),
      }),
    );
  }

  /** `{ alertId?, target? }`: queues the FAILED deliveries that match again, with all their attempts. */
  @Post('redrive')
  @HttpCode(200)
  @Access('POST /api/v1/alerts/deliveries/redrive')
  async redrive(@Body() dto: RedriveDeliveriesDto): Promise<RedriveAnswer> {
    return {
      requeued: await this.deliveries.redrive({
        ...(dto.alertId ? { alertId: dto.alertId } : {}),
        ...(dto.target ? { target: dto.target } : {}),
      }),
    };
  }
}
