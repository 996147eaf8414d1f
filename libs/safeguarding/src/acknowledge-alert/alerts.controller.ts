import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ConflictAnswer,
  NotFoundAnswer,
  CurrentCaller,
  Access,
  CommandCause,
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
  @Access('POST /api/v1/alerts/:alertId/acknowledge')
  @NotFoundAnswer('no alert with this id is known to Homeward')
  @ConflictAnswer('the alert does not allow it now')
  acknowledge(
    @Param('alertId', new ParseUUIDPipe()) alertId: string,
    @Body() dto: AcknowledgeAlertDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<AlertAcknowledgement> {
    return this.commands.execute(new AcknowledgeAlertRequest(alertId, dto, caller, cause));
  }
}
