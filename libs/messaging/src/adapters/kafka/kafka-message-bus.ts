import { Kafka, Partitioners, logLevel, type Admin, type Producer } from 'kafkajs';
import type {
  BusMessage,
  ConsumerOptions,
  MessageBus,
  RunningConsumer,
  TopicSpec,
} from '../../message-bus.port';
import { runGroupConsumer } from './kafka-group-consumer';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /**
   * Prefixes every topic and consumer group (`<namespace>.<topic>`), so several Homeward
   * environments (or test runs) can share one cluster without reading each other's messages.
   * The application keeps using the plain names.
   */
  namespace?: string;
  /** Logged through the given function instead of kafkajs's console logger. */
  log?: (level: 'error' | 'warn', message: string) => void;
}

/**
 * Kafka through kafkajs (unmaintained upstream but sound; kept behind this port). Idempotent
 * producer with acks from all replicas; consumers commit only what their handler finished, so a
 * crash redelivers the unfinished part of a batch. The broker going away and coming back is
 * survived: consumers are restarted (see kafka-group-consumer.ts), and a producer or admin
 * client whose request failed is replaced by a fresh one on the next call.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private producer: Promise<Producer> | null = null;
  private admin: Promise<Admin> | null = null;
  private readonly consumers = new Set<RunningConsumer>();

  constructor(private readonly options: KafkaBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3000,
      retry: { initialRetryTime: 300, retries: 8 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log }) => {
          const text = `${log.message}${log.error ? `: ${String(log.error)}` : ''}`;
          if (options.log) options.log(level === logLevel.ERROR ? 'error' : 'warn', text);
        },
    });
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    await this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(this.physical(t.topic)));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: this.physical(t.topic),
          numPartitions: t.partitions,
          configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    });
  }

  async publish(topic: string, messages: BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const connecting = (this.producer ??= this.connect(this.newProducer()));
    try {
      const producer = await connecting;
      await producer.send({
        topic: this.physical(topic),
        acks: -1,
        messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      });
    } catch (error) {
      // kafkajs gave up (its own retries ran out, e.g. the broker was down for a while): start
      // the next publish on a fresh producer rather than on one in an unknown state.
      this.discard('producer', connecting);
      throw error;
    }
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    const running = await runGroupConsumer(
      this.kafka,
      {
        groupId: this.physical(options.groupId),
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
        retry: { initialRetryTime: 300, retries: 10, restartOnFailure: async () => true },
      },
      {
        group: this.physical(options.groupId),
        topics: options.topics.map((t) => this.physical(t)),
        logical: (topic) => this.logical(topic),
        log: (level, message) => this.options.log?.(level, message),
      },
      options,
    );
    const tracked: RunningConsumer = {
      joined: running.joined,
      stop: async () => {
        this.consumers.delete(tracked);
        await running.stop();
      },
    };
    this.consumers.add(tracked);
    return tracked;
  }

  private physical(name: string): string {
    return this.options.namespace ? `${this.options.namespace}.${name}` : name;
  }

  private logical(name: string): string {
    const prefix = this.options.namespace ? `${this.options.namespace}.` : '';
    return prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name;
  }

  async ping(): Promise<void> {
    await this.withAdmin((admin) => admin.describeCluster());
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    const clients = [this.producer, this.admin];
    this.producer = null;
    this.admin = null;
    for (const client of clients) {
      await client?.then((c) => c.disconnect()).catch(() => undefined);
    }
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const connecting = (this.admin ??= this.connect(this.kafka.admin()));
    try {
      return await work(await connecting);
    } catch (error) {
      this.discard('admin', connecting);
      throw error;
    }
  }

  private async connect<C extends Producer | Admin>(client: C): Promise<C> {
    await client.connect();
    return client;
  }

  /** Forgets a client that failed (unless a newer one already replaced it) and closes it. */
  private discard(kind: 'producer' | 'admin', client: Promise<Producer | Admin>): void {
    if (this[kind] !== client) return;
    this[kind] = null;
    void client.then((c) => c.disconnect()).catch(() => undefined);
  }
}
