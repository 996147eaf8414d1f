import { Inject, Injectable } from '@nestjs/common';
import {
  foldEvents,
  returnInterviewDecider,
  streams,
  type ChildMissingRecord,
  type CseLevel,
  type ReturnInterviewEvent,
  type ReturnInterviewState,
} from '@homeward/domain';
import {
  EVENT_STORE,
  SQL_DATABASE,
  type EventStore,
  type SqlDatabase,
} from '@homeward/event-store';
import { readChildMissingRecord } from '@homeward/platform';

/**
 * What the interviews context reads about a child before deciding: the missing record (every
 * episode, straight from its stream, so counts are never stale) and the latest confirmed CSE
 * screening level (a read model of held interviews).
 */
@Injectable()
export class ChildRecordReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  /** The child's record; with `upToVersion`, as it stood when that event was recorded. */
  async missingRecord(childId: string, upToVersion?: number): Promise<ChildMissingRecord> {
    return readChildMissingRecord(this.store, childId, upToVersion);
  }

  async interview(interviewId: string): Promise<ReturnInterviewState> {
    const { events } = await this.store.readStream(streams.returnInterview(interviewId));
    return foldEvents(returnInterviewDecider, events as unknown as ReturnInterviewEvent[]);
  }

  /** The level confirmed at the child's latest screening; null if never screened. */
  async currentCseLevel(childId: string): Promise<CseLevel | null> {
    const rows = await this.db.query<{ level: CseLevel }>(
      `SELECT level FROM rm_child_cse_level WHERE child_id = $1`,
      [childId],
    );
    return rows[0]?.level ?? null;
  }
}
