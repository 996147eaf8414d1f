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
import { AllocateReturnInterviewDto } from './allocate-return-interview/allocate-return-interview.dto';
import { AllocateReturnInterviewRequest } from './allocate-return-interview/allocate-return-interview.handler';
import { CompleteReturnInterviewDto } from './complete-return-interview/complete-return-interview.dto';
import { CompleteReturnInterviewRequest } from './complete-return-interview/complete-return-interview.handler';
import type { InterviewCompleted } from './complete-return-interview/interview-completed.response';
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
 * interview's state does not allow a 409 with the reason, an interview outside the
 * caller's scope (another worker's, another authority's) a 404, as for one that does not exist.
 */
@Controller('api/v1/interviews/:interviewId')
export class ReturnInterviewsController {
  constructor(private readonly commands: CommandBus) {}

  /** Allocates the interview to a worker. */
  @Post('allocate')
  @HttpCode(200)
  @Access('POST /api/v1/interviews/:interviewId/allocate')
  @NotFoundAnswer('no return interview with this id is known to Homeward')
  @ConflictAnswer("the interview's state does not allow it now (the reason is in the message)")
  allocate(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() dto: AllocateReturnInterviewDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCommandResult> {
    return this.commands.execute(new AllocateReturnInterviewRequest(id, dto, caller, cause));
  }

  /** Records an attempt to contact the child. */
  @Post('attempts')
  @HttpCode(201)
  @Access('POST /api/v1/interviews/:interviewId/attempts')
  @NotFoundAnswer('no return interview with this id is known to Homeward')
  @ConflictAnswer("the interview's state does not allow it now (the reason is in the message)")
  attempt(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() dto: RecordContactAttemptDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCommandResult> {
    return this.commands.execute(new RecordContactAttemptRequest(id, dto, caller, cause));
  }

  /** Records the interview held, with the CSE screening tool; the suggested level and what must follow are answered. */
  @Post('complete')
  @HttpCode(200)
  @Access('POST /api/v1/interviews/:interviewId/complete')
  @NotFoundAnswer('no return interview with this id is known to Homeward')
  @ConflictAnswer("the interview's state does not allow it now (the reason is in the message)")
  complete(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() dto: CompleteReturnInterviewDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCompleted> {
    return this.commands.execute(new CompleteReturnInterviewRequest(id, dto, caller, cause));
  }

  /** Records that the child declined the interview. */
  @Post('decline')
  @HttpCode(200)
  @Access('POST /api/v1/interviews/:interviewId/decline')
  @NotFoundAnswer('no return interview with this id is known to Homeward')
  @ConflictAnswer("the interview's state does not allow it now (the reason is in the message)")
  decline(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() dto: DeclineReturnInterviewDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCommandResult> {
    return this.commands.execute(new DeclineReturnInterviewRequest(id, dto, caller, cause));
  }

  /** Records that the interview could not be held, with the reason. */
  @Post('not-possible')
  @HttpCode(200)
  @Access('POST /api/v1/interviews/:interviewId/not-possible')
  @NotFoundAnswer('no return interview with this id is known to Homeward')
  @ConflictAnswer("the interview's state does not allow it now (the reason is in the message)")
  notPossible(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() dto: RecordNotPossibleDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCommandResult> {
    return this.commands.execute(new RecordNotPossibleRequest(id, dto, caller, cause));
  }

  /** A coordinator's review of a held interview: approved, or returned to the worker with a comment. */
  @Post('review')
  @HttpCode(200)
  @Access('POST /api/v1/interviews/:interviewId/review')
  @NotFoundAnswer('no return interview with this id is known to Homeward')
  @ConflictAnswer("the interview's state does not allow it now (the reason is in the message)")
  review(
    @Param('interviewId', new ParseUUIDPipe()) id: string,
    @Body() dto: ReviewReturnInterviewDto,
    @CurrentCaller() caller: Caller,
    @CommandCause() cause: string,
  ): Promise<InterviewCommandResult> {
    return this.commands.execute(new ReviewReturnInterviewRequest(id, dto, caller, cause));
  }
}
