import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EpisodeEvent, MissingEpisodeReported } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import {
  EventProcessing,
  insertRows,
  updateRows,
  type RowChange,
  type Projection,
  type ReadModel,
} from '@homeward/platform';
import { londonDate } from './report-dates';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const REPORT_EPISODES_READ_MODEL: ReadModel = {
  projection: 'reports.episodes.v1',
  tables: ['rm_report_episodes_v1'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_report_episodes_v1 (
    episode_id      uuid PRIMARY KEY,
    child_id        uuid NOT NULL,
    classification  text NOT NULL,
    local_authority text NOT NULL,
    last_seen_at    timestamptz,
    reported_at     timestamptz NOT NULL,
    start_at        timestamptz NOT NULL,
    start_date      date NOT NULL,
    found_at        timestamptz,
    returned_at     timestamptz,
    end_date        date,
    date_of_birth   text,
    sex             text,
    looked_after    boolean NOT NULL,
    cancelled       boolean NOT NULL DEFAULT false,
    position        bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS rm_report_episodes_v1_start
    ON rm_report_episodes_v1 (start_date);
  CREATE INDEX IF NOT EXISTS rm_report_episodes_v1_looked_after
    ON rm_report_episodes_v1 (child_id, start_at) WHERE looked_after`,
    },
  ],
};

/**
 * Every episode, as the board figures and the SSDA903 return count them. A cancelled report is
 * kept, marked cancelled, and never counted. Dates are London calendar days.
 */
@Injectable()
export class ReportEpisodesProjection implements Projection, OnModuleInit {
  readonly name = REPORT_EPISODES_READ_MODEL.projection;
  readonly readModel = REPORT_EPISODES_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set<EpisodeEvent['type']>([
    'MissingEpisodeReported',
    'EpisodeRiskRegraded',
    'ChildFound',
    'MissingReportCancelled',
  ]);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  /** A batch in sets: one insert for the new episodes, one update per shape of change. */
  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const reported: Array<Record<string, unknown>> = [];
    const changes: RowChange[] = [];
    for (const recorded of events) {
      const event = recorded as unknown as EpisodeEvent;
      const position = recorded.globalPosition;
      switch (event.type) {
        case 'MissingEpisodeReported':
          reported.push(reportedRow(event.data, position));
          break;
        case 'EpisodeRiskRegraded':
          changes.push({
            key: event.data.episodeId,
            position,
            set: { classification: event.data.classification },
          });
          break;
        case 'ChildFound':
          changes.push({
            key: event.data.episodeId,
            position,
            set: {
              classification: event.data.classification,
              found_at: event.data.foundAt,
              returned_at: event.data.returnedAt,
              end_date: londonDate(event.data.returnedAt),
            },
          });
          break;
        case 'MissingReportCancelled':
          changes.push({ key: event.data.episodeId, position, set: { cancelled: true } });
          break;
      }
    }
    await insertRows(tx, 'rm_report_episodes_v1', 'episode_id', reported);
    // Only moves forward: a redelivered older event never overwrites a newer one.
    await updateRows(
      tx,
      { table: 'rm_report_episodes_v1', key: 'episode_id', position: 'position' },
      changes,
    );
  }
}

function reportedRow(d: MissingEpisodeReported['data'], position: number) {
  const startAt = d.lastSeenAt ?? d.reportedAt;
  const child = d.personal.child;
  return {
    episode_id: d.episodeId,
    child_id: d.childId,
    classification: d.classification,
    local_authority: d.responsibleLocalAuthority,
    last_seen_at: d.lastSeenAt,
    reported_at: d.reportedAt,
    start_at: startAt,
    start_date: londonDate(startAt),
    date_of_birth: child.dateOfBirth || null,
    sex: child.sex || null,
    looked_after: child.lookedAfter,
    position,
  };
}
