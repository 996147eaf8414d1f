import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type {
  Associate,
  CseLevel,
  InterviewPersonalRecord,
  InterviewStatus,
  LocationVisited,
  Priority,
  ScreeningInput,
  ScreeningOutcome,
} from '@homeward/domain';
import type { IsTrue, SameShape } from '@homeward/platform';
import type { InterviewDetail as InterviewDetailModel } from './get-interview.query';

type Model = InterviewDetailModel;
type Outcome = NonNullable<Model['outcome']>;
type OutcomeOf<T extends Outcome['type']> = Extract<Outcome, { type: T }>;
type Screening = NonNullable<Model['screening']>;

/** An escalation recorded on the interview. */
export class InterviewEscalation implements InterviewEscalationModel {
  /** RI_OVERDUE, RI_UNALLOCATED or REMINDER. */
  type!: string;
  at!: string;
}
type InterviewEscalationModel = Model['escalations'][number];

/** One attempt to reach the child. */
export class ContactAttempt implements ContactAttemptModel {
  attemptNumber!: number;
  at!: string;
  /** How: PHONE, TEXT, EMAIL, LETTER, HOME_VISIT, PLACEMENT_VISIT, SCHOOL_VISIT or OTHER. */
  method!: string;
  outcome!: string;
  recordedBy!: string;
}
type ContactAttemptModel = Model['attempts'][number];

export class VisitedLocation implements LocationVisited {
  description!: string;
  postcode?: string;
  premisesType?: string;
}

export class InterviewAssociate implements Associate {
  name?: string;
  policePersonId?: string;
  description?: string;
  relationship?: string;
}

/** What the child said and where they went. */
export class InterviewRecord implements InterviewPersonalRecord {
  locationsVisited!: VisitedLocation[];
  associates!: InterviewAssociate[];
  pushFactors!: string;
  pullFactors!: string;
  childsVoice!: string;
  disclosures!: string;
}

export class InterviewHeldOutcome implements OutcomeOf<'HELD'> {
  @ApiProperty({ enum: ['HELD'] })
  type!: 'HELD';
  conductedAt!: string;
  heldWithinDeadline!: boolean;
  recordedBy!: string;
  /** 1 for the first record; higher when a record returned by the quality check is amended. */
  revision!: number;
  record!: InterviewRecord;
}

export class InterviewDeclinedOutcome implements OutcomeOf<'DECLINED'> {
  @ApiProperty({ enum: ['DECLINED'] })
  type!: 'DECLINED';
  declinedAt!: string;
  recordedBy!: string;
  reason!: string;
  carerInformation!: string | null;
}

export class InterviewNotPossibleOutcome implements OutcomeOf<'NOT_POSSIBLE'> {
  @ApiProperty({ enum: ['NOT_POSSIBLE'] })
  type!: 'NOT_POSSIBLE';
  recordedAt!: string;
  recordedBy!: string;
  reason!: string;
}

export class InterviewCancelledOutcome implements OutcomeOf<'CANCELLED'> {
  @ApiProperty({ enum: ['CANCELLED'] })
  type!: 'CANCELLED';
  cancelledAt!: string;
  reason!: string;
}

/** A significant indicator ticked on the screening tool. */
export class SignificantIndicator {
  code!: string;
  /** CURRENT (now or within the past 6 months) or PRIOR. */
  when!: string;
}

/** The indicators ticked on the screening tool: special-category data about the child. */
export class ScreeningIndicators implements ScreeningInput {
  significant!: SignificantIndicator[];
  medium!: string[];
  vulnerabilities!: string[];
  /** The level the worker confirmed; the suggestion when left out. */
  confirmedLevel?: string;
  /** Given when the confirmed level is below the suggestion. */
  overrideReason?: string;
  /** Given when MISSING_EPISODES was pre-filled and the worker unticked it. */
  missingEpisodesUntickReason?: string;
}

/** The CSE screening of a held interview: suggested and confirmed level, with the indicators. */
export class InterviewScreening implements Screening {
  suggested!: CseLevel;
  suggestedReasons!: string[];
  confirmed!: CseLevel;
  /** The confirmed level differs from the suggestion (above or below it). */
  overridden!: boolean;
  overrideReason?: string;
  outcomes!: ScreeningOutcome[];
  /** Social care decide on a referral by then (MEDIUM or SIGNIFICANT only). */
  @ApiProperty({ type: String, nullable: true })
  socialCareDecisionDueAt!: string | null;
  indicators!: ScreeningIndicators;
}

/** A manager's quality check of the held interview. */
export class InterviewReview implements InterviewReviewModel {
  /** APPROVED or RETURNED. */
  decision!: string;
  comment!: string;
  revision!: number;
  reviewedBy!: string;
  reviewedAt!: string;
}
type InterviewReviewModel = Model['reviews'][number];
type ScreeningContextModel = NonNullable<Model['screeningPrefill']>['context'];

/** The facts about the child the screening tool applies, as recorded today. */
export class ScreeningContextToday implements ScreeningContextModel {
  /** Null when no date of birth is recorded: no floor by age applies. */
  @ApiProperty({ type: Number, nullable: true })
  ageToday!: number | null;
  learningDisability!: boolean;
  repeatThresholdMet!: boolean;
}

/** What the screening tool starts with, and applies, for a record still to be written. */
export class ScreeningPrefill implements NonNullable<Model['screeningPrefill']> {
  significant!: SignificantIndicator[];
  /** What the tool applies, as recorded today: the console's suggestion uses it. */
  context!: ScreeningContextToday;
}

/** One return interview: deadline, attempts, outcome, screening and reviews. */
@ApiExtraModels(
  InterviewHeldOutcome,
  InterviewDeclinedOutcome,
  InterviewNotPossibleOutcome,
  InterviewCancelledOutcome,
)
export class InterviewDetail implements Model {
  interviewId!: string;
  episodeId!: string;
  linkedEpisodeIds!: string[];
  childId!: string;
  localAuthority!: string | null;
  status!: InterviewStatus;
  priority!: Priority;
  priorityReasons!: string[];
  foundAt!: string;
  returnedAt!: string;
  scheduledAt!: string;
  dueAt!: string;
  unallocatedAlertAt!: string;
  reminderAt!: string;
  allocatedTo!: string | null;
  breached!: boolean;
  notifiedLate!: boolean;
  escalations!: InterviewEscalation[];
  attempts!: ContactAttempt[];
  /** Null while no outcome is recorded; otherwise told apart by `type`. */
  @ApiProperty({
    nullable: true,
    oneOf: [
      { $ref: getSchemaPath(InterviewHeldOutcome) },
      { $ref: getSchemaPath(InterviewDeclinedOutcome) },
      { $ref: getSchemaPath(InterviewNotPossibleOutcome) },
      { $ref: getSchemaPath(InterviewCancelledOutcome) },
    ],
    discriminator: {
      propertyName: 'type',
      mapping: {
        HELD: getSchemaPath(InterviewHeldOutcome),
        DECLINED: getSchemaPath(InterviewDeclinedOutcome),
        NOT_POSSIBLE: getSchemaPath(InterviewNotPossibleOutcome),
        CANCELLED: getSchemaPath(InterviewCancelledOutcome),
      },
    },
  })
  outcome!:
    | InterviewHeldOutcome
    | InterviewDeclinedOutcome
    | InterviewNotPossibleOutcome
    | InterviewCancelledOutcome
    | null;
  /** Suggested and confirmed level with the reasons, and the indicators ticked. */
  @ApiProperty({ type: () => InterviewScreening, nullable: true })
  screening!: InterviewScreening | null;
  reviews!: InterviewReview[];
  /**
   * For an interview still to be held, or whose record a review returned: what the screening
   * tool starts with and applies. "Periods of
   * absence/missing" is pre-filled CURRENT when the child has met the repeat threshold.
   */
  @ApiProperty({ type: () => ScreeningPrefill, nullable: true })
  screeningPrefill!: ScreeningPrefill | null;
}

export type InterviewDetailDocumented = IsTrue<SameShape<InterviewDetail, Model>>;
