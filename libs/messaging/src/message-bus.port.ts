/**
 * The MessageBus port: topics, keys, headers, consumer groups. Delivery is at-least-once: a
 * consumer's position only moves past a message once its handler resolved, and a handler that
 * throws gets the message again. Consumers make that safe by being idempotent.
 */
export interface BusMessage {
  /** Partitioning key: messages with one key stay in order (Homeward uses the child id). */
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface ConsumedMessage extends Required<BusMessage> {
  topic: string;
  partition: number;
  offset: string;
  /** The value's bytes are not UTF-8 (`value` then holds a lossy decoding): a poison message. */
  invalidUtf8?: boolean;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Topic-level configs set when the topic is created, e.g. `{ 'retention.ms': '604800000' }`. */
  config?: Record<string, string>;
}

export interface ConsumerOptions {
  /** Consumers in one group share the topic's partitions; each group sees every message. */
  groupId: string;
  topics: string[];
  handle: (message: ConsumedMessage) => Promise<void>;
  /** Told of a handler failure before the message is redelivered. */
  onError?: (error: unknown, message: ConsumedMessage) => void;
  /**
   * How many messages with different keys may be handled at once (default 1: one at a time).
   * Messages with one key are always handled one after another, in order.
   */
  keysAtOnce?: number;
}

export interface RunningConsumer {
  /**
   * Resolves once the consumer has joined its group and been given partitions to read: until
   * then a service is not really consuming, and says so in its readiness check.
   */
  readonly joined: Promise<void>;
  stop(): Promise<void>;
}

export interface MessageBus {
  /** Creates missing topics with their configs; existing ones are left as they are. */
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  /** Resolves once the messages are durably accepted, in order per key. */
  publish(topic: string, messages: BusMessage[]): Promise<void>;
  /** Joins the group and starts delivering; a new group starts from the earliest message. */
  consume(options: ConsumerOptions): Promise<RunningConsumer>;
  /** Throws if the bus cannot be reached (for readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MESSAGE_BUS = Symbol('MessageBus');
