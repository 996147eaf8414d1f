import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  EVENT_STORE,
  SQL_DATABASE,
  type EventStore,
  type SqlDatabase,
  type Subscription,
} from '@homeward/event-store';
import { migrateCheckpoints, readCheckpoint, storeCheckpoint } from './checkpoints';
import type { Projection, Reactor } from './event-processor';

/**
 * Runs every registered projection and reactor on its own catch-up subscription from its
 * stored checkpoint. Feature modules register in onModuleInit; all start at bootstrap.
 */
@Injectable()
export class EventProcessing implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventProcessing');
  private readonly projections: Projection[] = [];
  private readonly reactors: Reactor[] = [];
  private readonly running = new Map<string, Subscription>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  registerProjection(projection: Projection): void {
    this.projections.push(projection);
  }

  registerReactor(reactor: Reactor): void {
    this.reactors.push(reactor);
  }

  async onApplicationBootstrap(): Promise<void> {
    await migrateCheckpoints(this.db);
    for (const projection of this.projections) {
      for (const statement of projection.schema.split(';').filter((s) => s.trim())) {
        await this.db.query(statement);
      }
      await this.start(projection.name, (events) =>
        this.db.transaction(async (tx) => {
          const relevant = events.filter((e) => projection.eventTypes.has(e.type));
          if (relevant.length > 0) await projection.apply(relevant, tx);
          await storeCheckpoint(tx, projection.name, events[events.length - 1].globalPosition);
        }),
      );
    }
    for (const reactor of this.reactors) {
      await this.start(reactor.name, async (events) => {
        for (const event of events) {
          if (reactor.eventTypes.has(event.type)) await reactor.react(event);
        }
        await storeCheckpoint(this.db, reactor.name, events[events.length - 1].globalPosition);
      });
    }
  }

  /** Resolves when every processor has handled everything up to `position` (tests, health). */
  async waitForAll(position: number, timeoutMs = 10_000): Promise<void> {
    await Promise.all([...this.running.values()].map((s) => s.waitFor(position, timeoutMs)));
  }

  /** How far behind the store's head each processor is. */
  async lag(): Promise<Record<string, number>> {
    const head = await this.store.headPosition();
    return Object.fromEntries(
      [...this.running.entries()].map(([name, s]) => [name, Math.max(0, head - s.position)]),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.running.values()].map((s) => s.stop()));
    this.running.clear();
  }

  private async start(
    name: string,
    onEvents: Parameters<EventStore['subscribe']>[0]['onEvents'],
  ): Promise<void> {
    const after = await readCheckpoint(this.db, name);
    const subscription = this.store.subscribe({
      after,
      onEvents,
      onError: (error) =>
        this.logger.error(
          `${name} failed, retrying: ${error instanceof Error ? error.stack : String(error)}`,
        ),
    });
    this.running.set(name, subscription);
    this.logger.log(`${name} started from position ${after}`);
  }
}
