import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  EVENT_STORE,
  SQL_DATABASE,
  type EventStore,
  type RecordedEvent,
  type SqlDatabase,
  type Subscription,
} from '@homeward/event-store';
import { MESSAGE_BUS, type MessageBus, type RunningConsumer } from '@homeward/messaging';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';
import { fromEventMessage } from '../messaging/event-message';
import { topicsForEventTypes } from '../messaging/topics';
import { migrateCheckpoints, readCheckpoint, storeCheckpoint } from './checkpoints';
import type { Projection, Reactor } from './event-processor';

type Processor = { name: string; eventTypes: ReadonlySet<string> };

/**
 * Runs every registered projection and reactor. With EVENT_FEED=store (the embedded default)
 * each has a catch-up subscription on the event store, and a projection's checkpoint commits in
 * the same transaction as its rows. With EVENT_FEED=kafka each is a consumer group on the
 * `homeward.<context>.v1` topics; offsets are committed after the handler, and projections and
 * reactors are idempotent, so a redelivered event changes nothing.
 */
@Injectable()
export class EventProcessing implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventProcessing');
  private readonly projections: Projection[] = [];
  private readonly reactors: Reactor[] = [];
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly consumers = new Map<string, RunningConsumer>();
  private readonly bootstrapHooks: Array<() => Promise<void>> = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    @Optional() @Inject(MESSAGE_BUS) private readonly bus: MessageBus | null,
  ) {}

  registerProjection(projection: Projection): void {
    this.projections.push(projection);
  }

  registerReactor(reactor: Reactor): void {
    this.reactors.push(reactor);
  }

  /** Runs once every projection's tables exist (e.g. to re-arm deadlines from a read model). */
  afterStart(hook: () => Promise<void>): void {
    this.bootstrapHooks.push(hook);
  }

  async onApplicationBootstrap(): Promise<void> {
    await migrateCheckpoints(this.db);
    for (const projection of this.projections) {
      for (const statement of projection.schema.split(';').filter((s) => s.trim())) {
        await this.db.query(statement);
      }
    }
    for (const projection of this.projections) {
      await this.run(projection, (events, position) =>
        this.db.transaction(async (tx) => {
          const relevant = events.filter((e) => projection.eventTypes.has(e.type));
          if (relevant.length > 0) await projection.apply(relevant, tx);
          if (position !== null) await storeCheckpoint(tx, projection.name, position);
        }),
      );
    }
    for (const reactor of this.reactors) {
      await this.run(reactor, async (events, position) => {
        for (const event of events) {
          if (reactor.eventTypes.has(event.type)) await reactor.react(event);
        }
        if (position !== null) await storeCheckpoint(this.db, reactor.name, position);
      });
    }
    for (const hook of this.bootstrapHooks) await hook();
  }

  /** Store feed only: resolves when every processor has handled everything up to `position`. */
  async waitForAll(position: number, timeoutMs = 10_000): Promise<void> {
    await Promise.all([...this.subscriptions.values()].map((s) => s.waitFor(position, timeoutMs)));
  }

  /** How far behind the store's head each processor is (store feed), or which consumers run (Kafka). */
  async status(): Promise<Record<string, number | string>> {
    if (this.config.eventFeed === 'kafka') {
      return Object.fromEntries([...this.consumers.keys()].map((name) => [name, 'consuming']));
    }
    const head = await this.store.headPosition();
    return Object.fromEntries(
      [...this.subscriptions.entries()].map(([name, s]) => [name, Math.max(0, head - s.position)]),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.subscriptions.values()].map((s) => s.stop()));
    await Promise.all([...this.consumers.values()].map((c) => c.stop()));
    this.subscriptions.clear();
    this.consumers.clear();
  }

  /** `position` is the store checkpoint to save, or null when Kafka keeps the offsets. */
  private async run(
    processor: Processor,
    handle: (events: RecordedEvent[], position: number | null) => Promise<void>,
  ): Promise<void> {
    const onError = (error: unknown) =>
      this.logger.error(
        `${processor.name} failed, retrying: ${error instanceof Error ? error.stack : String(error)}`,
      );
    if (this.config.eventFeed === 'kafka') {
      if (!this.bus) throw new Error('EVENT_FEED=kafka needs KAFKA_BROKERS');
      const topics = topicsForEventTypes(processor.eventTypes);
      const consumer = await this.bus.consume({
        groupId: `homeward.${processor.name}`,
        topics,
        handle: async (message) => {
          if (!processor.eventTypes.has(message.headers['event-type'] ?? '')) return;
          await handle([fromEventMessage(message)], null);
        },
        onError,
      });
      this.consumers.set(processor.name, consumer);
      this.logger.log(`${processor.name} consuming ${topics.join(', ')}`);
      return;
    }
    const after = await readCheckpoint(this.db, processor.name);
    const subscription = this.store.subscribe({
      after,
      onEvents: (events) => handle(events, events[events.length - 1].globalPosition),
      onError,
    });
    this.subscriptions.set(processor.name, subscription);
    this.logger.log(`${processor.name} started from position ${after}`);
  }
}
