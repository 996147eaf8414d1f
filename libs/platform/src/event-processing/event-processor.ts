import type { Migration, MigrationSet, RecordedEvent, SqlExecutor } from '@homeward/event-store';
import { RequestContext } from '../observability/request-context';

/**
 * A projection's tables and their numbered migrations, recorded under the projection's name.
 * Plain data, so the operator CLI can rebuild a read model without running its projection:
 * it drops `tables`, forgets the migrations and applies them again.
 */
export interface ReadModel {
  readonly projection: string;
  readonly tables: readonly string[];
  readonly migrations: Migration[];
}

export const readModelMigrations = (readModel: ReadModel): MigrationSet => ({
  scope: readModel.projection,
  migrations: readModel.migrations,
});

/**
 * A read model. Its rows and its checkpoint are written in one transaction, so a batch is
 * applied exactly once however often it is delivered.
 */
export interface Projection {
  readonly name: string;
  /** Event types it reads; others only move the checkpoint. */
  readonly eventTypes: ReadonlySet<string>;
  /** Its tables and migrations; `readModel.projection` is `name`. */
  readonly readModel: ReadModel;
  apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void>;
}

/**
 * Reacts to events by deciding and appending new ones (a process manager). At-least-once:
 * its appends must be idempotent (event ids derived from the causing event).
 */
export interface Reactor {
  readonly name: string;
  readonly eventTypes: ReadonlySet<string>;
  /**
   * Optional: tables the reactor keeps for its own decisions, of which it is the only writer.
   * Migrated like a projection's and rebuilt the same way (the operator's rebuild drops them and
   * replays the reactor from 0); its writes must be idempotent, as its checkpoint commits apart.
   */
  readonly readModel?: ReadModel;
  react(event: RecordedEvent): Promise<void>;
  /**
   * Optional: the batch's events of its types at once, in log order, so the streams and rows it
   * needs are read in one query for the batch. Taken instead of `react` when present. A batch
   * that fails is handed over again one event at a time, so a poison event is parked alone.
   */
  reactBatch?(events: RecordedEvent[]): Promise<void>;
}

/**
 * Runs `handle` for each event of a batch in that event's request context, in order: whatever
 * a reactor logs or appends while handling it knows which event caused it.
 */
export async function forEachEvent(
  processor: string,
  events: RecordedEvent[],
  handle: (event: RecordedEvent) => Promise<void>,
): Promise<void> {
  for (const event of events) {
    await RequestContext.run(RequestContext.forEvent(processor, event), () => handle(event));
  }
}
