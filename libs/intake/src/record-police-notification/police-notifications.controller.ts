import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Access,
  ConflictAnswer,
  CurrentCaller,
  RequestValidationFailed,
  type Caller,
} from '@homeward/platform';
import { parsePoliceNotification } from '../contract/parse-police-notification';
import { PoliceNotificationBody } from '../contract/police-notification.openapi';
import { NotificationRecorded } from './notification-recorded.response';
import { RecordPoliceNotification } from './record-police-notification.command';

@Controller('api/v1/police/notifications')
export class PoliceNotificationsController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * A police notification: 202 when recorded, 200 when the same notificationId was already
   * recorded; 403 (nothing recorded) when the body names a force other than the token's own.
   */
  @Post()
  @Access('POST /api/v1/police/notifications')
  @HttpCode(202)
  @PoliceNotificationBody()
  @ApiResponse({ status: 202, description: 'recorded', type: NotificationRecorded })
  @ApiResponse({
    status: 200,
    description: 'this notificationId was recorded before: nothing changed',
    type: NotificationRecorded,
  })
  @ConflictAnswer('the episode does not allow it, e.g. a second open episode for the same child')
  async receive(
    // Not a DTO class, so the global ValidationPipe leaves it to the shared contract below.
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<NotificationRecorded> {
    const receivedAt = new Date().toISOString();
    const parsed = parsePoliceNotification(body, receivedAt);
    if (!parsed.ok) throw new RequestValidationFailed(parsed.errors);
    const result = await this.commands.execute(
      new RecordPoliceNotification(parsed.notification, receivedAt, { channel: 'HTTP', caller }),
    );
    if (result.duplicate) response.status(200);
    return result;
  }
}
