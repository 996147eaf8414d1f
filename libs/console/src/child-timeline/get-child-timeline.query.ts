import { Query } from '@nestjs/cqrs';
import type { ChildLevelQuery } from '@homeward/platform';
import type { TimelineEntry } from './timeline-entry.response';

export type { TimelineEntry };

/**
 * The child's events in the order Homeward recorded them. With `asOf`, only what Homeward had
 * recorded by then (recorded at or before it): the picture a case review needs of what was known.
 */
export class GetChildTimeline
  extends Query<TimelineEntry[]>
  implements ChildLevelQuery<TimelineEntry[]>
{
  constructor(
    readonly childId: string,
    readonly asOf?: string,
  ) {
    super();
  }

  childrenIn(entries: TimelineEntry[]): string[] {
    return entries.length > 0 ? [this.childId] : [];
  }

  /** The same answer as for a child Homeward does not know: its existence is not disclosed. */
  outOfScope(): TimelineEntry[] {
    return [];
  }
}
