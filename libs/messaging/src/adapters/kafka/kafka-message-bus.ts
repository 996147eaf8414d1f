import { Kafka, Partitioners, logLevel, type Admin, type IHeaders, type Producer } from 'kafkajs';
import type {
  BusMessage,
  ConsumedMessage,
  ConsumerOptions,
  MessageBus,
  RunningConsumer,
  TopicSpec,
} from '../../message-bus.port';

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
 * crash redelivers the unfinished part of a batch.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private producer: Producer | null = null;
  private admin: Admin | null = null;
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
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(this.physical(t.topic)));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({ topic: this.physical(t.topic), numPartitions: t.partitions })),
    });
  }

  async publish(topic: string, messages: BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    await producer.send({
      topic: this.physical(topic),
      acks: -1,
      messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
    });
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    const consumer = this.kafka.consumer({
      groupId: this.physical(options.groupId),
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      retry: { initialRetryTime: 300, retries: 10, restartOnFailure: async () => true },
    });
    await consumer.connect();
    const joined = new Promise<void>((resolve) => {
      const stopListening = consumer.on(consumer.events.GROUP_JOIN, () => {
        stopListening();
        resolve();
      });
    });
    await consumer.subscribe({
      topics: options.topics.map((t) => this.physical(t)),
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const consumed: ConsumedMessage = {
          topic: this.logical(topic),
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? '',
          value: message.value?.toString('utf8') ?? '',
          headers: decodeHeaders(message.headers),
        };
        try {
          await options.handle(consumed);
        } catch (error) {
          options.onError?.(error, consumed);
          throw error;
        }
      },
    });
    const running: RunningConsumer = {
      joined,
      stop: async () => {
        this.consumers.delete(running);
        await consumer.disconnect();
      },
    };
    this.consumers.add(running);
    return running;
  }

  private physical(name: string): string {
    return this.options.namespace ? `${this.options.namespace}.${name}` : name;
  }

  private logical(name: string): string {
    const prefix = this.options.namespace ? `${this.options.namespace}.` : '';
    return prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name;
  }

  async ping(): Promise<void> {
    const admin = await this.connectedAdmin();
    await admin.describeCluster();
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    await this.producer?.disconnect();
    await this.admin?.disconnect();
    this.producer = null;
    this.admin = null;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    decoded[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return decoded;
}
