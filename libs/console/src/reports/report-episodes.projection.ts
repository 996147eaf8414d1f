import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EpisodeEvent, MissingEpisodeReported } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';
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

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const recorded of events) {
      const event = recorded as unknown as EpisodeEvent;
      const position = recorded.globalPosition;
      switch (event.type) {
        case 'MissingEpisodeReported':
          await this.reported(event.data, position, tx);
          break;
        case 'EpisodeRiskRegraded':
          // Only moves forward: a redelivered older event never overwrites a newer one.
          await tx.query(
            `UPDATE rm_report_episodes_v1 SET classification = $3, position = $2
             WHERE episode_id = $1 AND position < $2`,
            [event.data.episodeId, position, event.data.classification],
          );
          break;
        case 'ChildFound':
          await tx.query(
            `UPDATE rm_report_episodes_v1 SET classification = $3, found_at = $4,
               returned_at = $5, end_date = $6::date, position = $2
             WHERE episode_id = $1 AND position < $2`,
            [
              event.data.episodeId,
              position,
              event.data.classification,
              event.data.foundAt,
              event.data.returnedAt,
              londonDate(event.data.returnedAt),
            ],
          );
          break;
        case 'MissingReportCancelled':
          await tx.query(
            `UPDATE rm_report_episodes_v1 SET cancelled = true, position = $2
             WHERE episode_id = $1 AND position < $2`,
            [event.data.episodeId, position],
          );
          break;
      }
    }
  }

  private async reported(
    d: MissingEpisodeReported['data'],
    position: number,
    tx: SqlExecutor,
  ): Promise<void> {
    const startAt = d.lastSeenAt ?? d.reportedAt;
    const child = d.personal.child;
    await tx.query(
      `INSERT INTO rm_report_episodes_v1 (episode_id, child_id, classification, local_authority,
         last_seen_at, reported_at, start_at, start_date, date_of_birth, sex, looked_after,
         position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9, $10, $11, $12)
       ON CONFLICT (episode_id) DO NOTHING`,
      [
        d.episodeId,
        d.childId,
        d.classification,
        d.responsibleLocalAuthority,
        d.lastSeenAt,
        d.reportedAt,
        startAt,
        londonDate(startAt),
        child.dateOfBirth || null,
        child.sex || null,
        child.lookedAfter,
        position,
      ],
    );
  }
}
