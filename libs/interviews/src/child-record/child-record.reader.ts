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
import {
  readChildMissingRecord,
  readChildMissingRecords,
  type ChildMissingRecords,
} from '@homeward/platform';

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
    return (await this.interviews([interviewId])).get(interviewId)!;
  }

  /** Several interviews as their streams say now, in one read. */
  async interviews(interviewIds: Iterable<string>): Promise<Map<string, ReturnInterviewState>> {
    const ids = [...new Set(interviewIds)];
    const read = await this.store.readStreams(ids.map((id) => streams.returnInterview(id)));
    return new Map(
      ids.map((id) => [
        id,
        foldEvents(
          returnInterviewDecider,
          (read.get(streams.returnInterview(id))?.events ??
            []) as unknown as ReturnInterviewEvent[],
        ),
      ]),
    );
  }

  /** Several children's records in one read, for a batch (see readChildMissingRecords). */
  missingRecords(childIds: Iterable<string>): Promise<ChildMissingRecords> {
    return readChildMissingRecords(this.store, childIds);
  }

  /** The level confirmed at the child's latest screening; null if never screened. */
  async currentCseLevel(childId: string): Promise<CseLevel | null> {
    return (await this.currentCseLevels([childId])).get(childId) ?? null;
  }

  /** The latest confirmed level of each child that was ever screened, in one query. */
  async currentCseLevels(childIds: Iterable<string>): Promise<Map<string, CseLevel>> {
    const ids = [...new Set(childIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<{ child_id: string; level: CseLevel }>(
      `SELECT child_id::text AS child_id, level FROM rm_child_cse_level WHERE child_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.child_id, r.level]));
  }
}
