import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { InformationReportRecorded } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const CMOG_PICTURE_READ_MODEL: ReadModel = {
  projection: 'safeguarding.cmog-picture',
  tables: ['rm_cmog_picture'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_cmog_picture (
    report_id   uuid NOT NULL,
    item        int NOT NULL,
    kind        text NOT NULL,
    document    jsonb NOT NULL,
    child_ids   jsonb NOT NULL,
    reliability text NOT NULL,
    accuracy    text NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (report_id, item)
  )`,
    },
  ],
};

/**
 * What information reports tell CMOG: offenders (named and not yet named), licensed premises
 * and vehicles, each with the report's grading. Personal data, read only by CMOG and managers.
 */
@Injectable()
export class CmogPictureProjection implements Projection, OnModuleInit {
  readonly name = CMOG_PICTURE_READ_MODEL.projection;
  readonly readModel = CMOG_PICTURE_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set(['InformationReportRecorded']);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    for (const event of events as unknown as InformationReportRecorded[]) {
      const d = event.data;
      const victims = d.personal.subjects.filter((s) => s.role === 'VICTIM' && s.childId);
      const childIds = JSON.stringify([...d.childIds, ...victims.map((v) => v.childId)]);
      const items = [
        ...d.personal.subjects
          .filter((s) => s.role === 'PERPETRATOR')
          .map((s) => ({ kind: 'OFFENDER', document: s })),
        ...d.personal.licensedPremises.map((p) => ({ kind: 'PREMISES', document: p })),
        ...d.personal.vehicles.map((v) => ({ kind: 'VEHICLE', document: v })),
      ];
      for (const [i, item] of items.entries()) {
        await tx.query(
          `INSERT INTO rm_cmog_picture (report_id, item, kind, document, child_ids, reliability,
             accuracy, recorded_at)
           VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8)
           ON CONFLICT (report_id, item) DO NOTHING`,
          [
            d.reportId,
            i,
            item.kind,
            JSON.stringify(item.document),
            childIds,
            String(d.reliability),
            String(d.accuracy),
            d.recordedAt,
          ],
        );
      }
    }
  }
}
