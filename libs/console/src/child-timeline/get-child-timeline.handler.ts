import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { currentScope } from '@homeward/platform';
import { GetChildTimeline, type TimelineEntry } from './get-child-timeline.query';
import type { TimelineEvent } from './occurred-at';
import { screeningDetails, timelineView } from './timeline-view';

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

  async execute({ childId, asOf }: GetChildTimeline): Promise<TimelineEntry[]> {
    // Compared at the millisecond the API shows, so an entry's own recordedAt includes it.
    const rows = await this.db.query<Row>(
      `SELECT global_position, event_id::text AS event_id, event_type, occurred_at, recorded_at, data
       FROM rm_child_timeline
       WHERE child_id = $1
         AND ($2::timestamptz IS NULL OR date_trunc('milliseconds', recorded_at) <= $2::timestamptz)
       ORDER BY global_position`,
      [childId, asOf ?? null],
    );
    const { fields } = currentScope();
    const entries: TimelineEntry[] = [];
    for (const r of rows) {
      const event = { type: r.event_type, data: r.data } as TimelineEvent;
      const view = timelineView(event);
      if (!fields.has(view.group)) continue;
      const screening = fields.has('SCREENING') ? screeningDetails(event) : null;
      entries.push({
        position: Number(r.global_position),
        eventId: r.event_id,
        type: r.event_type,
        occurredAt: new Date(r.occurred_at).toISOString(),
        recordedAt: new Date(r.recorded_at).toISOString(),
        summary: view.summary,
        by: view.by,
        details: { ...view.details, ...screening },
      });
    }
    return entries;
  }
}
