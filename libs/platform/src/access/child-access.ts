import { Inject, Injectable } from '@nestjs/common';
import { streams, type MissingEpisodeReported } from '@homeward/domain';
import {
  EVENT_STORE,
  SQL_DATABASE,
  type EventStore,
  type SqlDatabase,
} from '@homeward/event-store';
import { coversAuthority, type CallerScope } from './caller-scope';

/*
 * Which children a scope reaches, in SQL. `rm_child_scope` (the console's child-scope
 * projection) holds each child's responsible and placement authorities; the interview queue
 * says whom each interview is allocated to. Every list query filters with visibleChildSql,
 * and the query layer checks single records with ChildAccess.visible.
 */

/**
 * A condition true for the rows whose `column` (a child id) the scope reaches. Appends its
 * parameters to `params`.
 */
export function visibleChildSql(scope: CallerScope, column: string, params: unknown[]): string {
  if (scope.everyChild) return 'TRUE';
  const reach: string[] = [];
  if (scope.authorities.length > 0) {
    params.push(scope.authorities.map((a) => a.trim().toLowerCase()));
    reach.push(
      `${column} IN (SELECT child_id FROM rm_child_scope WHERE authority = ANY($${params.length}::text[]))`,
    );
  }
  if (scope.allocatedTo !== null) {
    params.push(scope.allocatedTo);
    reach.push(
      `${column} IN (SELECT child_id FROM rm_interview_queue_v2 WHERE allocated_to = $${params.length})`,
    );
  }
  return reach.length > 0 ? `(${reach.join(' OR ')})` : 'FALSE';
}

/** A condition true for rows whose `column` (an authority name) is one of the scope's. */
export function visibleAuthoritySql(scope: CallerScope, column: string, params: unknown[]): string {
  if (scope.everyChild) return 'TRUE';
  if (scope.authorities.length === 0) return 'FALSE';
  params.push(scope.authorities.map((a) => a.trim().toLowerCase()));
  return `lower(trim(${column})) = ANY($${params.length}::text[])`;
}

@Injectable()
export class ChildAccess {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The ones among `childIds` the scope reaches. */
  async visible(scope: CallerScope, childIds: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(childIds)];
    if (unique.length === 0 || scope.everyChild) return new Set(unique);
    const params: unknown[] = [unique];
    const rows = await this.db.query<{ child_id: string; known: boolean; reached: boolean }>(
      `SELECT c::text AS child_id,
              EXISTS (SELECT 1 FROM rm_child_scope s WHERE s.child_id = c) AS known,
              ${visibleChildSql(scope, 'c', params)} AS reached
       FROM unnest($1::uuid[]) AS c`,
      params,
    );
    const visible = new Set(rows.filter((r) => r.reached).map((r) => r.child_id));
    // A child the scope projection has not reached yet (just reported): decided from the
    // child's own stream, so nobody waits on the projection and nobody sees more than it would.
    for (const row of rows.filter((r) => !r.reached && !r.known)) {
      if (await this.reachesFromStream(scope, row.child_id)) visible.add(row.child_id);
    }
    return visible;
  }

  private async reachesFromStream(scope: CallerScope, childId: string): Promise<boolean> {
    if (scope.authorities.length === 0) return false;
    const { events } = await this.store.readStream(streams.child(childId));
    return events
      .filter((e) => e.type === 'MissingEpisodeReported')
      .flatMap((e) => {
        const { data } = e as unknown as MissingEpisodeReported;
        return [data.responsibleLocalAuthority, data.placementLocalAuthority];
      })
      .some((authority) => authority !== null && coversAuthority(scope, authority));
  }
}
