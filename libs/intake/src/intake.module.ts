import { Module } from '@nestjs/common';
import { PoliceNotificationsController } from './record-police-notification/police-notifications.controller';
import { RecordPoliceNotificationHandler } from './record-police-notification/record-police-notification.handler';

/** Police notifications in: validated, recorded as events, acknowledged. */
@Module({
  controllers: [PoliceNotificationsController],
  providers: [RecordPoliceNotificationHandler],
})
export class IntakeModule {}
