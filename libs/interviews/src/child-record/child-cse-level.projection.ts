import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReturnInterviewHeld } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const CHILD_CSE_LEVEL_READ_MODEL: ReadModel = {
  projection: 'interviews.child-cse-level',
  tables: ['rm_child_cse_level'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_child_cse_level (
    child_id     uuid PRIMARY KEY,
    level        text NOT NULL,
    interview_id uuid NOT NULL,
    conducted_at timestamptz NOT NULL,
    revision     int NOT NULL
  )`,
    },
  ],
};

/**
 * A child's current CSE level is the one confirmed at the latest screening: screening is
 * repeated at every interview. Triage reads it (an open MEDIUM or SIGNIFICANT makes a child RED).
 */
@Injectable()
export class ChildCseLevelProjection implements Projection, OnModuleInit {
  readonly name = CHILD_CSE_LEVEL_READ_MODEL.projection;
  readonly readModel = CHILD_CSE_LEVEL_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set(['ReturnInterviewHeld']);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const event of events as unknown as ReturnInterviewHeld[]) {
      const d = event.data;
      // The latest interview wins; an amended record of the same interview replaces its level.
      await tx.query(
        `INSERT INTO rm_child_cse_level (child_id, level, interview_id, conducted_at, revision)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (child_id) DO UPDATE SET level = EXCLUDED.level,
           interview_id = EXCLUDED.interview_id, conducted_at = EXCLUDED.conducted_at,
           revision = EXCLUDED.revision
         WHERE rm_child_cse_level.conducted_at < EXCLUDED.conducted_at
            OR (rm_child_cse_level.interview_id = EXCLUDED.interview_id
                AND rm_child_cse_level.revision < EXCLUDED.revision)`,
        [d.childId, d.screening.confirmed, d.interviewId, d.conductedAt, d.revision],
      );
    }
  }
}
