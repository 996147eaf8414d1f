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
  migrate,
  type EventStore,
  type RecordedEvent,
  type SqlDatabase,
  type Subscription,
} from '@homeward/event-store';
import { MESSAGE_BUS, type MessageBus, type RunningConsumer } from '@homeward/messaging';
import { Subject, type Observable } from 'rxjs';
import { SCHEDULER, type Scheduler } from '@homeward/scheduler';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';
import { fromEventMessage } from '../messaging/event-message';
import { topicsForEventTypes } from '../messaging/topics';
import { HomewardMetrics } from '../observability/homeward-metrics';
import { loggableError } from '../observability/loggable-error';
import { RequestContext } from '../observability/request-context';
import { isOutageNow } from '../outages/dependency-outage';
import {
  ProcessorReset,
  fenceGeneration,
  findCheckpoint,
  openCheckpoint,
  readCheckpoint,
  readGenerations,
  storeCheckpoint,
} from './checkpoints';
import { countDeadLetters, parkEvent } from './dead-letters';
import { forEachEvent, readModelMigrations } from './event-processor';
import { PLATFORM_MIGRATIONS } from './migrations';
import { ResetWatch } from './reset-watch';
import { DEFAULT_RETRY_BUDGET, delayBefore, sleep, type RetryBudget } from './retry';
import type { Projection, Reactor } from './event-processor';

type Processor = { name: string; eventTypes: ReadonlySet<string> };
type Handle = (events: RecordedEvent[], position: number | null) => Promise<void>;

/** How many stored events one read of a Kafka-fed processor's catch-up takes. */
const CATCH_UP_BATCH = 500;

/**
 * The checkpoint under which a Kafka-fed processor keeps its boundary: the store position it
 * caught up to before it started following its topics. Its own name keeps the store progress.
 */
export const kafkaBoundaryCheckpoint = (processor: string) => `${processor}@kafka`;

/**
 * Runs every registered projection and reactor. With EVENT_FEED=store (the embedded default)
 * each has a catch-up subscription on the event store, and a projection's checkpoint commits in
 * the same transaction as its rows. With EVENT_FEED=kafka each is a consumer group on the
 * `homeward.<context>.v1` topics; offsets are committed after the handler, and projections and
 * reactors are idempotent, so a redelivered event changes nothing. A Kafka-fed processor that
 * has never run first catches up from the store (see `catchUpBeforeKafka`): Kafka keeps only
 * its retention's worth of events, the store keeps them all.
 */
@Injectable()
export class EventProcessing implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventProcessing');
  private readonly projections: Projection[] = [];
  private readonly changes = new Subject<string>();
  /**
   * The name of each projection whose read model changed, once the change is committed: the
   * console's live updates listen (they carry the name only, never what changed).
   */
  readonly readModelChanges: Observable<string> = this.changes.asObservable();
  private readonly reactors: Reactor[] = [];
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly consumers = new Map<string, RunningConsumer>();
  private readonly bootstrapHooks: Array<() => Promise<void>> = [];
  /** What each processor runs, kept so an operator's reset can start it again. */
  private readonly handles = new Map<string, { processor: Processor; handle: Handle }>();
  /** The checkpoint generation each processor started under (see checkpoints.ts). */
  private readonly generations = new Map<string, number>();
  private readonly resets = new ResetWatch(
    (names) => this.resetsDue(names),
    (name) => this.restart(name),
    (error) => this.logger.warn(`could not check for operator resets: ${String(error)}`),
  );
  /** How hard one failing event is tried before it is parked (tests shorten it). */
  retryBudget: RetryBudget = DEFAULT_RETRY_BUDGET;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    @Optional() @Inject(MESSAGE_BUS) private readonly bus: MessageBus | null,
    // Reactors arm wake-ups on it: Redis gone must not make their events look like poison.
    @Optional() @Inject(SCHEDULER) private readonly scheduler: Scheduler | null = null,
    @Optional() private readonly metrics: HomewardMetrics = new HomewardMetrics(),
  ) {
    this.metrics.observeProcessing({ lag: () => this.status(), parked: () => this.parked() });
  }

  registerProjection(projection: Projection): void {
    this.projections.push(projection);
  }

  registerReactor(reactor: Reactor): void {
    this.reactors.push(reactor);
  }

  /**
   * Where each event type goes: the projections (read models) and reactors that take it, by
   * name. The flow of a notification through Homeward, read off what is registered.
   */
  flow(): Array<{ eventType: string; projections: string[]; reactors: string[] }> {
    const types = new Set(
      [...this.projections, ...this.reactors].flatMap((p) => [...p.eventTypes]),
    );
    const taking = (processors: Processor[], type: string) =>
      processors
        .filter((p) => p.eventTypes.has(type))
        .map((p) => p.name)
        .sort();
    return [...types].sort().map((eventType) => ({
      eventType,
      projections: taking(this.projections, eventType),
      reactors: taking(this.reactors, eventType),
    }));
  }

  /** Every registered processor: its name, whether it keeps a read model or reacts, what it takes. */
  processors(): Array<{ name: string; kind: 'projection' | 'reactor'; eventTypes: string[] }> {
    const describe = (p: Processor, kind: 'projection' | 'reactor') => ({
      name: p.name,
      kind,
      eventTypes: [...p.eventTypes].sort(),
    });
    return [
      ...this.projections.map((p) => describe(p, 'projection')),
      ...this.reactors.map((p) => describe(p, 'reactor')),
    ];
  }

  /** Runs once every projection's tables exist (e.g. to re-arm deadlines from a read model). */
  afterStart(hook: () => Promise<void>): void {
    this.bootstrapHooks.push(hook);
  }

  async onApplicationBootstrap(): Promise<void> {
    // Refuses to start on a database a newer Homeward migrated (see migrations.ts).
    await migrate(this.db, [
      PLATFORM_MIGRATIONS,
      ...this.projections.map((p) => readModelMigrations(p.readModel)),
      ...this.reactors.flatMap((r) => (r.readModel ? [readModelMigrations(r.readModel)] : [])),
    ]);
    for (const projection of this.projections) {
      await this.run(projection, async (events, position) => {
        await RequestContext.run(RequestContext.forBatch(projection.name, events), () =>
          this.db.transaction(async (tx) => {
            // First: an operator's rebuild may have replaced the tables under this run.
            const generation = this.generationOf(projection.name);
            await fenceGeneration(tx, projection.name, generation, position !== null);
            const relevant = events.filter((e) => projection.eventTypes.has(e.type));
            if (relevant.length > 0) await projection.apply(relevant, tx);
            if (position !== null) {
              await storeCheckpoint(tx, projection.name, position, generation);
            }
          }),
        );
        this.handled(projection, events);
        if (events.some((e) => projection.eventTypes.has(e.type)))
          this.changes.next(projection.name);
      });
    }
    for (const reactor of this.reactors) {
      await this.run(reactor, async (events, position) => {
        const relevant = events.filter((e) => reactor.eventTypes.has(e.type));
        if (reactor.reactBatch && relevant.length > 0) {
          const reactBatch = reactor.reactBatch.bind(reactor);
          await RequestContext.run(RequestContext.forBatch(reactor.name, relevant), () =>
            reactBatch(relevant),
          );
        } else {
          await forEachEvent(reactor.name, relevant, (event) => reactor.react(event));
        }
        if (position !== null) {
          await storeCheckpoint(this.db, reactor.name, position, this.generationOf(reactor.name));
        }
        this.handled(reactor, events);
      });
    }
    await this.untilJoined();
    for (const hook of this.bootstrapHooks) await hook();
    this.resets.start();
  }

  /**
   * With EVENT_FEED=kafka, start-up waits until every consumer has joined its group, so a
   * service that says it is ready really is consuming. A broker slower than a minute to assign
   * partitions is reported, and the service starts anyway (its consumers keep trying).
   */
  private async untilJoined(timeoutMs = 60_000): Promise<void> {
    if (this.consumers.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const joined = Promise.all([...this.consumers.values()].map((c) => c.joined)).then(() => true);
    const inTime = await Promise.race([joined, timedOut]);
    clearTimeout(timer);
    if (!inTime) {
      this.logger.warn(`consumers had not all joined their groups after ${timeoutMs} ms`);
    }
  }

  /** Store feed only: resolves when every processor has handled everything up to `position`. */
  async waitForAll(position: number, timeoutMs = 10_000): Promise<void> {
    await Promise.all([...this.subscriptions.values()].map((s) => s.waitFor(position, timeoutMs)));
  }

  /**
   * Until every processor has handled everything in the store, including what reactors append
   * on the way (alerts, scheduled interviews): the head is read again until it stays put.
   */
  async waitUntilSettled(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let head = await this.store.headPosition(); ;) {
      await this.waitForAll(head, Math.max(1, deadline - Date.now()));
      const now = await this.store.headPosition();
      if (now === head) return;
      head = now;
    }
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

  /** Events each processor parked as poison (see dead-letters.ts); empty when there are none. */
  parked(): Promise<Record<string, number>> {
    return countDeadLetters(this.db);
  }

  async onApplicationShutdown(): Promise<void> {
    this.changes.complete();
    await this.resets.stop();
    await Promise.all([...this.subscriptions.values()].map((s) => s.stop()));
    await Promise.all([...this.consumers.values()].map((c) => c.stop()));
    this.subscriptions.clear();
    this.consumers.clear();
  }

  /** `position` is the store checkpoint to save, or null when Kafka keeps the offsets. */
  private async run(processor: Processor, handle: Handle): Promise<void> {
    this.handles.set(processor.name, { processor, handle });
    const { generation } = await openCheckpoint(this.db, processor.name);
    this.generations.set(processor.name, generation);
    if (this.config.eventFeed === 'kafka') {
      if (!this.bus) throw new Error('EVENT_FEED=kafka needs KAFKA_BROKERS');
      const boundary = await this.catchUpBeforeKafka(processor, handle);
      const topics = topicsForEventTypes(processor.eventTypes);
      const consumer = await this.bus.consume({
        groupId: `homeward.${processor.name}`,
        topics,
        handle: async (message) => {
          if (!processor.eventTypes.has(message.headers['event-type'] ?? '')) return;
          const event = fromEventMessage(message);
          // Handled from the store already. Partitions are keyed by child, so positions arrive
          // out of order across them: only this fixed boundary can be compared, never the
          // highest position seen so far.
          if (event.globalPosition <= boundary) return;
          await this.handleOne(processor, event, handle, null);
        },
        onError: (error) => this.reportFailure(processor, error),
      });
      this.consumers.set(processor.name, consumer);
      this.logger.log(
        `${processor.name} consuming ${topics.join(', ')} after position ${boundary}`,
      );
      return;
    }
    const after = await readCheckpoint(this.db, processor.name);
    const subscription = this.store.subscribe({
      after,
      onEvents: (events) => this.handleBatch(processor, events, handle),
      onError: (error) => this.reportFailure(processor, error),
    });
    this.subscriptions.set(processor.name, subscription);
    this.logger.log(`${processor.name} started from position ${after}`);
  }

  /**
   * A batch from the store, with its checkpoint. If it fails, the event at fault is found by
   * handling them one at a time, each with its own retries (and its own checkpoint), so the good
   * ones around a poison event are handled and it alone parked.
   */
  private async handleBatch(
    processor: Processor,
    events: RecordedEvent[],
    handle: Handle,
  ): Promise<void> {
    // Where processing time goes, processor by processor (the bench prints it).
    const stop = this.metrics.processorBatchDuration.startTimer({ processor: processor.name });
    try {
      await handle(events, events[events.length - 1].globalPosition);
      stop();
    } catch (error) {
      stop();
      if (error instanceof ProcessorReset) throw error;
      this.reportFailure(processor, error);
      for (const event of events) {
        await this.handleOne(processor, event, handle, event.globalPosition);
      }
    }
  }

  /**
   * The first time a processor runs on the Kafka feed, it reads the store (from its store
   * checkpoint, so an interrupted catch-up or a switch from EVENT_FEED=store resumes) up to the
   * head H it saw on starting, then stores H as its boundary and follows its topics, skipping
   * the events at or below H. Nothing is lost: an event above H was forwarded to Kafka after H
   * was read, so it is still retained, and the group's committed offsets (if the group ran
   * before) only pass messages forwarded earlier, all at or below H. Nothing is applied twice:
   * the store gives what is at or below H, Kafka what is above. Later starts find the boundary
   * and go straight to Kafka.
   */
  private async catchUpBeforeKafka(processor: Processor, handle: Handle): Promise<number> {
    const name = kafkaBoundaryCheckpoint(processor.name);
    const boundary = await findCheckpoint(this.db, name);
    if (boundary !== null) return boundary;
    const head = await this.store.headPosition();
    let after = await readCheckpoint(this.db, processor.name);
    this.logger.log(`${processor.name} catching up from the store: ${after} to ${head}`);
    while (after < head) {
      const read = await this.store.readAll({ after, maxCount: CATCH_UP_BATCH });
      const events = read.filter((e) => e.globalPosition <= head);
      if (events.length === 0) break;
      await this.handleBatch(processor, events, handle);
      after = events[events.length - 1].globalPosition;
    }
    await storeCheckpoint(this.db, name, head);
    return head;
  }

  /**
   * Handles one event, retrying with backoff. If it still fails while the database and the store
   * answer, it is a poison event: parked with the reason (and the checkpoint moved past it), so
   * the events behind it go on. If they do not answer, or the failure is itself an outage (a
   * reactor's Redis or Kafka gone), it is thrown, and the feed retries later: nothing is parked
   * because of an outage.
   */
  private async handleOne(
    processor: Processor,
    event: RecordedEvent,
    handle: Handle,
    position: number | null,
  ): Promise<void> {
    const budget = this.retryBudget;
    let failure: unknown;
    for (let attempt = 1; attempt <= budget.attempts; attempt++) {
      try {
        await handle([event], position);
        return;
      } catch (error) {
        // Not poison: an operator reset the processor; it starts again (see restart).
        if (error instanceof ProcessorReset) throw error;
        failure = error;
        if (attempt < budget.attempts) await sleep(delayBefore(attempt, budget));
      }
    }
    const answering = [
      () => this.db.query('SELECT 1'),
      () => this.store.headPosition(),
      async () => this.scheduler?.ping?.(),
    ];
    if (await isOutageNow(failure, answering)) throw failure;
    await this.db.transaction(async (tx) => {
      await parkEvent(tx, processor.name, event, budget.attempts, failure);
      if (position !== null) {
        await storeCheckpoint(tx, processor.name, position, this.generationOf(processor.name));
      }
    });
    // The reason in full is in hw_dead_letters; the log gets what cannot quote the event.
    RequestContext.run(RequestContext.forEvent(processor.name, event), () =>
      this.logger.error(
        `${processor.name} parked ${event.type} ${event.eventId} (position ${event.globalPosition}) ` +
          `after ${budget.attempts} attempts: ${loggableError(failure)}`,
      ),
    );
  }

  private generationOf(name: string): number {
    return this.generations.get(name) ?? 0;
  }

  /** The processors an operator reset since they started (a newer generation in the database). */
  private async resetsDue(names?: string[]): Promise<string[]> {
    const running = names ?? [...this.handles.keys()];
    const now = await readGenerations(this.db, running);
    return running.filter((name) => (now.get(name) ?? 0) !== this.generationOf(name));
  }

  /**
   * Starts one processor again from its checkpoint after an operator reset it (a rebuild, a
   * dead letter to replay): its subscription or consumer stops, and it runs as at start-up,
   * under the new generation. On the Kafka feed the reset also deleted its boundary, so it
   * catches up from the store again before following its topics.
   */
  private async restart(name: string): Promise<void> {
    const running = this.handles.get(name);
    if (!running) return;
    await this.subscriptions.get(name)?.stop();
    this.subscriptions.delete(name);
    await this.consumers.get(name)?.stop();
    this.consumers.delete(name);
    this.logger.log(`${name} was reset by an operator: starting it again`);
    await this.run(running.processor, running.handle);
  }

  private reportFailure(processor: Processor, error: unknown): void {
    if (error instanceof ProcessorReset) {
      this.resets.due(processor.name);
      return this.logger.log(error.message);
    }
    this.logger.error(`${processor.name} failed, retrying: ${loggableError(error)}`);
  }

  /** Counts what a processor handled, with a debug line per event in that event's context. */
  private handled(processor: Processor, events: RecordedEvent[]): void {
    for (const event of events) {
      if (!processor.eventTypes.has(event.type)) continue;
      this.metrics.eventsHandled.inc({ processor: processor.name });
      RequestContext.run(RequestContext.forEvent(processor.name, event), () =>
        this.logger.debug(`${processor.name} handled ${event.type} at ${event.globalPosition}`),
      );
    }
  }
}
