import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';
import { TIMELINE_EVENT_TYPES, occurredAt, type TimelineEvent } from './occurred-at';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const CHILD_TIMELINE_READ_MODEL: ReadModel = {
  projection: 'console.child-timeline',
  tables: ['rm_child_timeline'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_child_timeline (
    global_position bigint PRIMARY KEY,
    child_id        uuid NOT NULL,
    event_id        uuid NOT NULL,
    event_type      text NOT NULL,
    stream_name     text NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    data            jsonb NOT NULL
  );
  CREATE INDEX IF NOT EXISTS rm_child_timeline_child ON rm_child_timeline (child_id, global_position)`,
    },
  ],
};

/** Everything that happened to a child, in the order Homeward learnt it. */
@Injectable()
export class ChildTimelineProjection implements Projection, OnModuleInit {
  readonly name = CHILD_TIMELINE_READ_MODEL.projection;
  readonly readModel = CHILD_TIMELINE_READ_MODEL;
  readonly eventTypes = TIMELINE_EVENT_TYPES;

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    // Alerts about a place or a group (no child id) belong on CMOG's picture, not a timeline.
    const about = events.filter(
      (e) => typeof (e.data as { childId?: unknown }).childId === 'string',
    );
    if (about.length === 0) return;
    const rows = about.map((e) => {
      const typed = e as unknown as TimelineEvent;
      return {
        global_position: e.globalPosition,
        child_id: typed.data.childId as string,
        event_id: e.eventId,
        event_type: e.type,
        stream_name: e.streamName,
        occurred_at: occurredAt(typed),
        recorded_at: e.recordedAt,
        data: e.data,
      };
    });
    await tx.query(
      `INSERT INTO rm_child_timeline
       SELECT (r->>'global_position')::bigint, (r->>'child_id')::uuid, (r->>'event_id')::uuid,
              r->>'event_type', r->>'stream_name', (r->>'occurred_at')::timestamptz,
              (r->>'recorded_at')::timestamptz, r->'data'
       FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (global_position) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
