import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentCaller, Roles, CommandCause, parseBody, type Caller } from '@homeward/platform';
import { AllocateReturnInterviewDto } from './allocate-return-interview/allocate-return-interview.dto';
import { AllocateReturnInterviewRequest } from './allocate-return-interview/allocate-return-interview.handler';
import { CompleteReturnInterviewDto } from './complete-return-interview/complete-return-interview.dto';
import {
  CompleteReturnInterviewRequest,
  type InterviewCompleted,
} from './complete-return-interview/complete-return-interview.handler';
import { DeclineReturnInterviewDto } from './decline-return-interview/decline-return-interview.dto';
import { DeclineReturnInterviewRequest } from './decline-return-interview/decline-return-interview.handler';
import { RecordContactAttemptDto } from './record-contact-attempt/record-contact-attempt.dto';
import { RecordContactAttemptRequest } from './record-contact-attempt/record-contact-attempt.handler';
import { RecordNotPossibleDto } from './record-not-possible/record-not-possible.dto';
import { RecordNotPossibleRequest } from './record-not-possible/record-not-possible.handler';
import { ReviewReturnInterviewDto } from './review-return-interview/review-return-interview.dto';
import { ReviewReturnInterviewRequest } from './review-return-interview/review-return-interview.handler';
import type { InterviewCommandResult } from './shared/interview-command-result';

/**
 * The return-interview workflow. An `Idempotency-Key` header makes a resent request safe: the
 * same key appends nothing twice. Bad input is a 400 naming each field, a command the
 * interview's state does not allow a 409 with the reason, someone else's interview a 403.
 */
@Controller('api/v1/interviews/:interviewId')
export class ReturnInterviewsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('allocate')
  @HttpCode(200)
  @Roles('ri-coordinator')
  allocate(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCommandResult> {
    const dto = parseBody(AllocateReturnInterviewDto, body);
    return this.commands.execute(new AllocateReturnInterviewRequest(id, dto, caller, cause));
  }

  @Post('attempts')
  @HttpCode(201)
  @Roles('ri-worker')
  attempt(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCommandResult> {
    const dto = parseBody(RecordContactAttemptDto, body);
    return this.commands.execute(new RecordContactAttemptRequest(id, dto, caller, cause));
  }

  @Post('complete')
  @HttpCode(200)
  @Roles('ri-worker')
  complete(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCompleted> {
    const dto = parseBody(CompleteReturnInterviewDto, body);
    return this.commands.execute(new CompleteReturnInterviewRequest(id, dto, caller, cause));
  }

  @Post('decline')
  @HttpCode(200)
  @Roles('ri-worker')
  decline(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCommandResult> {
    const dto = parseBody(DeclineReturnInterviewDto, body);
    return this.commands.execute(new DeclineReturnInterviewRequest(id, dto, caller, cause));
  }

  @Post('not-possible')
  @HttpCode(200)
  @Roles('ri-worker')
  notPossible(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCommandResult> {
    const dto = parseBody(RecordNotPossibleDto, body);
    return this.commands.execute(new RecordNotPossibleRequest(id, dto, caller, cause));
  }

  @Post('review')
  @HttpCode(200)
  @Roles('ri-coordinator')
  review(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCommandResult> {
    const dto = parseBody(ReviewReturnInterviewDto, body);
    return this.commands.execute(new ReviewReturnInterviewRequest(id, dto, caller, cause));
  }
}
