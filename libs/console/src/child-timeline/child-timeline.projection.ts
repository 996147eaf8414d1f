import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EpisodeEvent, ReturnInterviewEvent } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection } from '@homeward/platform';
import { TIMELINE_EVENT_TYPES, occurredAt } from './occurred-at';

/** Everything that happened to a child, in the order Homeward learnt it. */
@Injectable()
export class ChildTimelineProjection implements Projection, OnModuleInit {
  readonly name = 'console.child-timeline';
  readonly eventTypes = TIMELINE_EVENT_TYPES;
  readonly schema = `
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
    CREATE INDEX IF NOT EXISTS rm_child_timeline_child ON rm_child_timeline (child_id, global_position)`;

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const rows = events.map((e) => {
      const typed = e as unknown as EpisodeEvent | ReturnInterviewEvent;
      return {
        global_position: e.globalPosition,
        child_id: typed.data.childId,
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
