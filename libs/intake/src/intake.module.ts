import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { NotificationMetricsInterceptor } from './record-police-notification/notification-metrics.interceptor';
import { PoliceNotificationsController } from './record-police-notification/police-notifications.controller';
import { PoliceNotificationConsumer } from './police-topic/police-notification.consumer';
import { RecordPoliceNotificationHandler } from './record-police-notification/record-police-notification.handler';

/** Police notifications in, over HTTP and Kafka: validated, recorded as events, acknowledged. */
@Module({
  controllers: [PoliceNotificationsController],
  providers: [
    RecordPoliceNotificationHandler,
    PoliceNotificationConsumer,
    { provide: APP_INTERCEPTOR, useClass: NotificationMetricsInterceptor },
  ],
})
export class IntakeModule {}
