import type { RecordedEvent, SqlExecutor } from '@homeward/event-store';

/**
 * A read model. Its rows and its checkpoint are written in one transaction, so a batch is
 * applied exactly once however often it is delivered.
 */
export interface Projection {
  readonly name: string;
  /** Event types it reads; others only move the checkpoint. */
  readonly eventTypes: ReadonlySet<string>;
  /** CREATE TABLE IF NOT EXISTS ...; statements separated by `;`. */
  readonly schema: string;
  apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void>;
}

/**
 * Reacts to events by deciding and appending new ones (a process manager). At-least-once:
 * its appends must be idempotent (event ids derived from the causing event).
 */
export interface Reactor {
  readonly name: string;
  readonly eventTypes: ReadonlySet<string>;
  react(event: RecordedEvent): Promise<void>;
}
