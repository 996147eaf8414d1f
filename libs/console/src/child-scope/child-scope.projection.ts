import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { MissingEpisodeReported } from '@homeward/domain';
import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { EventProcessing, type Projection, type ReadModel } from '@homeward/platform';

/** Its tables, and their numbered migrations: never edit a released one, add the next id. */
export const CHILD_SCOPE_READ_MODEL: ReadModel = {
  projection: 'access.child-scope',
  tables: ['rm_child_scope'],
  migrations: [
    {
      id: 1,
      name: 'create',
      sql: `
  CREATE TABLE IF NOT EXISTS rm_child_scope (
    child_id  uuid NOT NULL,
    authority text NOT NULL,
    PRIMARY KEY (child_id, authority)
  );
  CREATE INDEX IF NOT EXISTS rm_child_scope_authority ON rm_child_scope (authority, child_id)`,
    },
  ],
};

/**
 * The authorities that answer for each child: the responsible authority of each of its
 * episodes and, for a child placed out of area, the placement authority. The access policy
 * reads it (visibleChildSql) to decide who may see the child. Names are kept lower-case, as
 * authorities are compared case-insensitively.
 */
@Injectable()
export class ChildScopeProjection implements Projection, OnModuleInit {
  readonly name = CHILD_SCOPE_READ_MODEL.projection;
  readonly readModel = CHILD_SCOPE_READ_MODEL;
  readonly eventTypes: ReadonlySet<string> = new Set(['MissingEpisodeReported']);

  constructor(private readonly processing: EventProcessing) {}

  onModuleInit(): void {
    this.processing.registerProjection(this);
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const rows: Array<{ child_id: string; authority: string }> = [];
    for (const recorded of events) {
      const { data } = recorded as unknown as MissingEpisodeReported;
      for (const authority of [data.responsibleLocalAuthority, data.placementLocalAuthority]) {
        if (authority?.trim()) {
          rows.push({ child_id: data.childId, authority: authority.trim().toLowerCase() });
        }
      }
    }
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO rm_child_scope (child_id, authority)
       SELECT (r->>'child_id')::uuid, r->>'authority' FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
}
