import { ALERTS_READ_MODEL } from '../alerts/alerts.projection';
import { CHILD_TIMELINE_READ_MODEL } from '../child-timeline/child-timeline.projection';
import { INTERVIEW_QUEUE_READ_MODEL } from '../interview-queue/interview-queue.projection';

/** Which list of the console a projection's change touches. */
export const LIVE_TOPIC_OF: ReadonlyMap<string, string> = new Map([
  [INTERVIEW_QUEUE_READ_MODEL.projection, 'interviews'],
  [ALERTS_READ_MODEL.projection, 'alerts'],
  [CHILD_TIMELINE_READ_MODEL.projection, 'timeline'],
]);
