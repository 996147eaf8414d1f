import { Module, type DynamicModule } from '@nestjs/common';
import { HOMEWARD_CONFIG, type HomewardConfig } from '@homeward/platform';
import { AlertDeliveriesController } from './alert-deliveries.controller';
import { GetAlertDeliveriesHandler } from './get-alert-deliveries.query';
import { AlertDeliveries } from './alert-deliveries.service';
import { AlertPublisher } from './alert-publisher.reactor';
import { AlertWebhooksReactor } from './alert-webhooks.reactor';
import { BullMqDeliveryQueue } from './bullmq-delivery-queue';
import {
  ALERT_DELIVERY_SETTINGS,
  DEFAULT_DELIVERY_SETTINGS,
  DELIVERY_QUEUE,
  type DeliveryQueue,
  type DeliverySettings,
} from './delivery-queue';
import { InProcessDeliveryQueue } from './in-process-delivery-queue';

/**
 * Alerts leave Homeward: every AlertRaised is published to Kafka `safeguarding.alerts.v1` (when
 * Kafka is configured) and POSTed, signed, to each matching ALERT_WEBHOOKS target, retried on
 * BullMQ (REDIS_URL) or in process, with each delivery's state in rm_alert_deliveries.
 * Needs PlatformModule (config, database, event processing, Kafka) imported by the application.
 */
@Module({
  controllers: [AlertDeliveriesController],
  providers: [
    {
      provide: DELIVERY_QUEUE,
      inject: [HOMEWARD_CONFIG, { token: ALERT_DELIVERY_SETTINGS, optional: true }],
      useFactory: (
        { scheduler, webhooks }: HomewardConfig,
        overrides?: Partial<DeliverySettings>,
      ): DeliveryQueue => {
        const settings = { ...DEFAULT_DELIVERY_SETTINGS, ...overrides };
        // No targets, nothing is ever queued: no Redis connections for it either.
        return scheduler.kind === 'bullmq' && (webhooks ?? []).length > 0
          ? new BullMqDeliveryQueue(scheduler.redisUrl, settings)
          : new InProcessDeliveryQueue(settings);
      },
    },
    AlertDeliveries,
    GetAlertDeliveriesHandler,
    AlertWebhooksReactor,
    AlertPublisher,
  ],
  exports: [AlertDeliveries],
})
export class AlertDeliveryModule {
  /** The same module with other retry settings (tests use short backoff). */
  static withSettings(settings: Partial<DeliverySettings>): DynamicModule {
    return {
      module: AlertDeliveryModule,
      providers: [{ provide: ALERT_DELIVERY_SETTINGS, useValue: settings }],
    };
  }
}
