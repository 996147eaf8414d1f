import { ApiProperty } from '@nestjs/swagger';
import type { AlertType, CseLevel } from '@homeward/domain';
import type { IsTrue, SameShape } from '@homeward/platform';
import type { BoardReport as BoardReportModel } from './get-board.query';

type Model = BoardReportModel;

/** Episodes that began in the period, by classification. */
export class BoardEpisodeCounts implements BoardEpisodeCountsModel {
  total!: number;
  missing!: number;
  absent!: number;
  awayWithoutAuthorisation!: number;
}
type BoardEpisodeCountsModel = Model['episodes'];

/** The different children with an episode in the period. */
export class BoardChildCounts implements BoardChildCountsModel {
  distinct!: number;
  withMissing!: number;
  withAbsent!: number;
  withAwayWithoutAuthorisation!: number;
  /** Children with this many episodes or more in the period. */
  repeat!: number;
}
type BoardChildCountsModel = Model['children'];

/** Return interviews offered for the period's episodes, and how they went. */
export class BoardInterviewCounts implements BoardInterviewCountsModel {
  offered!: number;
  accepted!: number;
  declined!: number;
  notPossible!: number;
  held!: number;
  heldWithin72h!: number;
  /** Of those held; null when none was held. */
  @ApiProperty({ type: Number, nullable: true })
  heldWithin72hPercent!: number | null;
  breaches!: number;
}
type BoardInterviewCountsModel = Model['interviews'];

/** Held interviews by the CSE level confirmed in their latest record. */
export class BoardCseLevelCounts implements Record<CseLevel, number> {
  NONE!: number;
  LOW!: number;
  MEDIUM!: number;
  SIGNIFICANT!: number;
}

/** Referrals to children's social care, and their decisions. */
export class BoardReferralCounts implements BoardReferralCountsModel {
  count!: number;
  decided!: number;
  decidedInTime!: number;
  /** Null when none was decided. */
  @ApiProperty({ type: Number, nullable: true })
  medianHoursToDecision!: number | null;
}
type BoardReferralCountsModel = Model['referrals'];

/** Alerts raised in the period, by type. */
export class BoardAlertTypeCounts implements Record<AlertType, number> {
  SOCIAL_CARE_REFERRAL_REQUIRED!: number;
  STRATEGY_MEETING_REQUIRED!: number;
  CMOG_LISTING!: number;
  REPEAT_MISSING!: number;
  ABSENT_PATTERN!: number;
  ASSOCIATION!: number;
  HOTSPOT!: number;
  RI_UNALLOCATED!: number;
  RI_OVERDUE!: number;
  OUT_OF_AREA!: number;
  ALERT_UNACKNOWLEDGED!: number;
  BREAK_GLASS_ACCESS!: number;
}

export class BoardAlertCounts implements BoardAlertCountsModel {
  byType!: BoardAlertTypeCounts;
  /** Null when none was acknowledged. */
  @ApiProperty({ type: Number, nullable: true })
  medianHoursToAcknowledge!: number | null;
}
type BoardAlertCountsModel = Model['alerts'];

/** Episodes by the child's age when the episode began. */
export class BoardAgeBandCounts implements BoardAgeBandCountsModel {
  '0-9'!: number;
  '10-12'!: number;
  '13-15'!: number;
  '16-17'!: number;
  /** Unknown date of birth, or 18 and over. */
  'not recorded'!: number;
}
type BoardAgeBandCountsModel = Model['demographics']['ageAtEpisode'];

export class BoardLookedAfterCounts implements BoardLookedAfterCountsModel {
  yes!: number;
  no!: number;
}
type BoardLookedAfterCountsModel = Model['demographics']['lookedAfter'];

/** Counted per episode (so each adds up to episodes.total); "not recorded" is always kept. */
export class BoardDemographics implements BoardDemographicsModel {
  /** Episodes by the child's sex as recorded, with "not recorded". */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  sex!: Record<string, number>;
  ageAtEpisode!: BoardAgeBandCounts;
  lookedAfter!: BoardLookedAfterCounts;
}
type BoardDemographicsModel = Model['demographics'];

/** The period reported on: whole London days, both ends included. */
export class BoardPeriod implements BoardPeriodModel {
  /** YYYY-MM-DD. */
  from!: string;
  /** YYYY-MM-DD. */
  to!: string;
  /** The one local authority reported on; null for all of them. */
  @ApiProperty({ type: String, nullable: true })
  localAuthority!: string | null;
}
type BoardPeriodModel = Model['period'];

/** The safeguarding board's figures for a period. */
export class BoardReport implements Model {
  period!: BoardPeriod;
  episodes!: BoardEpisodeCounts;
  children!: BoardChildCounts;
  interviews!: BoardInterviewCounts;
  cseLevels!: BoardCseLevelCounts;
  /**
   * A referral alert acknowledged by social care is a decision recorded, timed from the
   * referral, and checked against its due time.
   */
  referrals!: BoardReferralCounts;
  alerts!: BoardAlertCounts;
  demographics!: BoardDemographics;
}

export type BoardReportDocumented = IsTrue<SameShape<BoardReport, Model>>;
