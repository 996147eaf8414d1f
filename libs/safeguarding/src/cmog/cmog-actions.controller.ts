import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CMOG_ACTION_STATUSES, type CmogActionStatus } from '@homeward/domain';
import {
  ConflictAnswer,
  NotFoundAnswer,
  CurrentCaller,
  RequestValidationFailed,
  Access,
  type Caller,
  CommandCause,
} from '@homeward/platform';
import type { FieldError } from '@homeward/domain';
import { GetCmogActions, type CmogActionFilter } from './action-register/get-cmog-actions.query';
import { CompleteActionDto } from './complete-action/complete-action.dto';
import { CompleteCmogActionRequest } from './complete-action/complete-action.handler';
import { DeferActionDto } from './defer-action/defer-action.dto';
import { DeferCmogActionRequest } from './defer-action/defer-action.handler';
import { RecordActionDto } from './record-action/record-action.dto';
import { RecordCmogActionRequest } from './record-action/record-action.handler';
import { londonToday } from './shared/cmog-request';
import type { CmogActionItem, CmogActionResult } from './shared/cmog-action.response';

/** The action register: members and the chair record and work actions; the manager reads them. */
@Controller('api/v1/cmog/actions')
export class CmogActionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Records an action in the register, with an owner, an agency and a due date. */
  @Post()
  @HttpCode(201)
  @Access('POST /api/v1/cmog/actions')
  @ConflictAnswer('the meeting does not allow it now')
  record(
    @Body() dto: RecordActionDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogActionResult> {
    return this.commands.execute(new RecordCmogActionRequest(dto, caller, cause));
  }

  /** Moves an action's due date, with the reason. */
  @Post(':actionId/defer')
  @HttpCode(200)
  @Access('POST /api/v1/cmog/actions/:actionId/defer')
  @NotFoundAnswer('no CMOG action with this id is known to Homeward')
  @ConflictAnswer("the action's state does not allow it now")
  defer(
    @Param('actionId', new ParseUUIDPipe()) id: string,
    @Body() dto: DeferActionDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogActionResult> {
    return this.commands.execute(new DeferCmogActionRequest(id, dto, caller, cause));
  }

  /** Records an action as done, with its outcome. */
  @Post(':actionId/complete')
  @HttpCode(200)
  @Access('POST /api/v1/cmog/actions/:actionId/complete')
  @NotFoundAnswer('no CMOG action with this id is known to Homeward')
  @ConflictAnswer("the action's state does not allow it now")
  complete(
    @Param('actionId', new ParseUUIDPipe()) id: string,
    @Body() dto: CompleteActionDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<CmogActionResult> {
    return this.commands.execute(new CompleteCmogActionRequest(id, dto, caller, cause));
  }

  /** `?status=OPEN|DONE&owner=&attention=true|false&localAuthority=` */
  @Get()
  @Access('GET /api/v1/cmog/actions')
  list(
    @Query('status') status?: string,
    @Query('owner') owner?: string,
    @Query('attention') attention?: string,
    @Query('localAuthority') localAuthority?: string,
  ): Promise<CmogActionItem[]> {
    const errors: FieldError[] = [];
    if (status !== undefined && !CMOG_ACTION_STATUSES.includes(status as CmogActionStatus)) {
      errors.push({
        field: 'status',
        message: `must be one of ${CMOG_ACTION_STATUSES.join(', ')}`,
      });
    }
    if (attention !== undefined && attention !== 'true' && attention !== 'false') {
      errors.push({ field: 'attention', message: 'must be true or false' });
    }
    if (errors.length > 0) throw new RequestValidationFailed(errors);
    const filter: CmogActionFilter = {
      today: londonToday(),
      ...(status ? { status: status as CmogActionStatus } : {}),
      ...(owner?.trim() ? { owner: owner.trim() } : {}),
      ...(attention !== undefined ? { attention: attention === 'true' } : {}),
      ...(localAuthority?.trim() ? { localAuthority: localAuthority.trim() } : {}),
    };
    return this.queries.execute(new GetCmogActions(filter));
  }
}
