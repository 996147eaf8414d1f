import { Query } from '@nestjs/cqrs';
import type { ChildLevelQuery } from '@homeward/platform';
import type { InterviewView } from './interview-view';

export interface InterviewDetail extends InterviewView {
  /**
   * For an interview still to be held, or whose record a review returned: what the screening tool
   * starts with and applies. "Periods of
   * absence/missing" is pre-filled CURRENT when the child has met the repeat threshold.
   */
  screeningPrefill: {
    significant: Array<{ code: string; when: string }>;
    /** What the tool knows of the child today, so the console's live suggestion is the server's. */
    context: ScreeningContextToday;
  } | null;
}

/**
 * The facts the screening tool applies, as recorded today: age (null without a date of birth, when
 * no floor by age applies), a recorded learning disability and the repeat-missing threshold.
 */
export interface ScreeningContextToday {
  ageToday: number | null;
  learningDisability: boolean;
  repeatThresholdMet: boolean;
}

export class GetInterview
  extends Query<InterviewDetail | null>
  implements ChildLevelQuery<InterviewDetail | null>
{
  constructor(readonly interviewId: string) {
    super();
  }

  childrenIn(interview: InterviewDetail | null): string[] {
    return interview ? [interview.childId] : [];
  }

  /** The same answer as for no interview: its existence is not disclosed. */
  outOfScope(): null {
    return null;
  }
}
