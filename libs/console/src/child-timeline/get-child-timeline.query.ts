import { Query } from '@nestjs/cqrs';

export interface TimelineEntry {
  position: number;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  data: unknown;
}

export class GetChildTimeline extends Query<TimelineEntry[]> {
  constructor(readonly childId: string) {
    super();
  }
}
