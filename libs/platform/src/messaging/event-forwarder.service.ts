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
  type RecordedEvent,
  type SqlDatabase,
  type Subscription,
} from '@homeward/event-store';
import { MESSAGE_BUS, type MessageBus } from '@homeward/messaging';
import {
  migrateCheckpoints,
  readCheckpoint,
  storeCheckpoint,
} from '../event-processing/checkpoints';
import { toEventMessage } from './event-message';
import { topicForEventType } from './topics';

export const FORWARDER_CHECKPOINT = 'forwarder.kafka';

/**
 * The event store is the outbox: every stored event is published to its `homeward.<context>.v1`
 * topic, in store order, from a checkpoint that only moves once Kafka has acknowledged the batch.
 * A crash between publish and checkpoint republishes; consumers dedupe by event id.
 */
@Injectable()
export class EventForwarder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventForwarder');
  private subscription: Subscription | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await migrateCheckpoints(this.db);
    const after = await readCheckpoint(this.db, FORWARDER_CHECKPOINT);
    this.subscription = this.store.subscribe({
      after,
      batchSize: 1000,
      onEvents: (events) => this.forward(events),
      onError: (error) => this.logger.error(`forwarding failed, retrying: ${String(error)}`),
    });
    this.logger.log(`forwarding stored events to Kafka from position ${after}`);
  }

  /** Position of the last event Kafka acknowledged. */
  get position(): number {
    return this.subscription?.position ?? 0;
  }

  private async forward(events: RecordedEvent[]): Promise<void> {
    const byTopic = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const topic = topicForEventType(event.type);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), event]);
    }
    await Promise.all(
      [...byTopic].map(([topic, batch]) => this.bus.publish(topic, batch.map(toEventMessage))),
    );
    await storeCheckpoint(this.db, FORWARDER_CHECKPOINT, events[events.length - 1].globalPosition);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
