import { Query } from '@nestjs/cqrs';
import type { ChildLevelQuery } from '@homeward/platform';
import type { InterviewView } from './interview-view';

export interface InterviewDetail extends InterviewView {
  /**
   * For an interview still to be held: what the screening tool starts with. "Periods of
   * absence/missing" is pre-filled CURRENT when the child has met the repeat threshold.
   */
  screeningPrefill: { significant: Array<{ code: string; when: string }> } | null;
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
