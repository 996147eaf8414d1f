import { ApiProperty } from '@nestjs/swagger';
import type { CseLevel, ScreeningOutcome } from '@homeward/domain';
import type { IsTrue, SameShape } from '@homeward/platform';
import { InterviewCommandResult } from '../shared/interview-command-result.response';
import type { InterviewCompleted as InterviewCompletedModel } from './complete-return-interview.handler';

type Screening = NonNullable<InterviewCompletedModel['screening']>;

/** The CSE screening as recorded: the level suggested, the level confirmed and what must follow. */
export class ScreeningResult implements Screening {
  suggested!: CseLevel;
  /** Plain sentences naming the indicators in the tool's own words. */
  suggestedReasons!: string[];
  confirmed!: CseLevel;
  /** The confirmed level differs from the suggestion (above or below it). */
  overridden!: boolean;
  overrideReason?: string;
  /** What must follow: a referral to social care, a strategy meeting, a CMOG listing. */
  outcomes!: ScreeningOutcome[];
  /** Social care decide on a referral by then (MEDIUM or SIGNIFICANT only). */
  @ApiProperty({ type: String, nullable: true })
  socialCareDecisionDueAt!: string | null;
}

/** The interview recorded as held: the events recorded and the screening's result. */
export class InterviewCompleted extends InterviewCommandResult implements InterviewCompletedModel {
  /** Null when the record changed nothing (the same record again). */
  @ApiProperty({ type: () => ScreeningResult, nullable: true })
  screening!: ScreeningResult | null;
}

export type InterviewCompletedDocumented = IsTrue<
  SameShape<InterviewCompleted, InterviewCompletedModel>
>;
