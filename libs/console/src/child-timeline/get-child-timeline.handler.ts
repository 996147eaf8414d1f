import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { GetChildTimeline, type TimelineEntry } from './get-child-timeline.query';

interface Row {
  global_position: string | number;
  event_id: string;
  event_type: string;
  occurred_at: Date;
  recorded_at: Date;
  data: unknown;
}

@QueryHandler(GetChildTimeline)
export class GetChildTimelineHandler implements IQueryHandler<GetChildTimeline> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ childId }: GetChildTimeline): Promise<TimelineEntry[]> {
    const rows = await this.db.query<Row>(
      `SELECT global_position, event_id::text AS event_id, event_type, occurred_at, recorded_at, data
       FROM rm_child_timeline WHERE child_id = $1 ORDER BY global_position`,
      [childId],
    );
    return rows.map((r) => ({
      position: Number(r.global_position),
      eventId: r.event_id,
      type: r.event_type,
      occurredAt: new Date(r.occurred_at).toISOString(),
      recordedAt: new Date(r.recorded_at).toISOString(),
      data: r.data,
    }));
  }
}
