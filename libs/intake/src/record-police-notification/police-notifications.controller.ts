import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { RequestValidationFailed, Roles } from '@homeward/platform';
import { parsePoliceNotification } from '../contract/parse-police-notification';
import {
  RecordPoliceNotification,
  type NotificationRecorded,
} from './record-police-notification.command';

@Controller('api/v1/police/notifications')
export class PoliceNotificationsController {
  constructor(private readonly commands: CommandBus) {}

  /** 202 when recorded, 200 when the same notificationId was already recorded. */
  @Post()
  @Roles('police-system')
  @HttpCode(202)
  async receive(
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotificationRecorded> {
    const receivedAt = new Date().toISOString();
    const parsed = parsePoliceNotification(body, receivedAt);
    if (!parsed.ok) throw new RequestValidationFailed(parsed.errors);
    const result = await this.commands.execute(
      new RecordPoliceNotification(parsed.notification, receivedAt, 'HTTP'),
    );
    if (result.duplicate) response.status(200);
    return result;
  }
}
