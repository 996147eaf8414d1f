import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ALERT_READER_ROLES,
  CurrentCaller,
  Roles,
  CommandCause,
  parseBody,
  type Caller,
} from '@homeward/platform';
import { AcknowledgeAlertDto } from './acknowledge-alert.dto';
import { AcknowledgeAlertRequest, type AlertAcknowledgement } from './acknowledge-alert.handler';

@Controller('api/v1/alerts/:alertId')
export class AlertCommandsController {
  constructor(private readonly commands: CommandBus) {}

  /** By a user of the alert's audience (the safeguarding manager may acknowledge any). */
  @Post('acknowledge')
  @HttpCode(200)
  @Roles(...ALERT_READER_ROLES)
  acknowledge(
    @Param('alertId', new ParseUUIDPipe()) alertId: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<AlertAcknowledgement> {
    const dto = parseBody(AcknowledgeAlertDto, body);
    return this.commands.execute(new AcknowledgeAlertRequest(alertId, dto, caller, cause));
  }
}
