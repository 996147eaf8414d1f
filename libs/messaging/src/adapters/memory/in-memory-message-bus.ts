import type {
  BusMessage,
  ConsumedMessage,
  ConsumerOptions,
  MessageBus,
  RunningConsumer,
  TopicSpec,
} from '../../message-bus.port';

const RETRY_PAUSE_MS = 200;
const DEFAULT_PARTITIONS = 3;

interface Group {
  /** Next offset to deliver, per topic and partition. */
  offsets: Map<string, number[]>;
}

/**
 * For unit tests: partitioned logs and consumer-group offsets in memory, with Kafka's
 * semantics (order per key, offsets advance only after the handler resolves, failures redelivered).
 */
export class InMemoryMessageBus implements MessageBus {
  private readonly logs = new Map<string, ConsumedMessage[][]>();
  private readonly groups = new Map<string, Group>();
  private readonly wakers = new Set<() => void>();

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    for (const t of topics) {
      if (!this.logs.has(t.topic))
        this.logs.set(
          t.topic,
          Array.from({ length: t.partitions }, () => []),
        );
    }
  }

  async publish(topic: string, messages: BusMessage[]): Promise<void> {
    await this.ensureTopics([{ topic, partitions: DEFAULT_PARTITIONS }]);
    const partitions = this.logs.get(topic)!;
    for (const m of messages) {
      const partition = hash(m.key) % partitions.length;
      const log = partitions[partition];
      log.push({
        topic,
        partition,
        offset: String(log.length),
        key: m.key,
        value: m.value,
        headers: { ...(m.headers ?? {}) },
      });
    }
    this.wakers.forEach((wake) => wake());
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    const group = this.groups.get(options.groupId) ?? { offsets: new Map() };
    this.groups.set(options.groupId, group);
    await this.ensureTopics(
      options.topics.map((topic) => ({ topic, partitions: DEFAULT_PARTITIONS })),
    );
    let stopped = false;
    let wake: () => void = () => undefined;
    const waker = () => wake();
    this.wakers.add(waker);

    const nextMessage = (): { message: ConsumedMessage; advance: () => void } | null => {
      for (const topic of options.topics) {
        const partitions = this.logs.get(topic)!;
        const offsets = group.offsets.get(topic) ?? partitions.map(() => 0);
        group.offsets.set(topic, offsets);
        for (let p = 0; p < partitions.length; p++) {
          if (offsets[p] < partitions[p].length) {
            return { message: partitions[p][offsets[p]], advance: () => (offsets[p] += 1) };
          }
        }
      }
      return null;
    };

    const loop = (async () => {
      while (!stopped) {
        const next = nextMessage();
        if (!next) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 100);
          });
          continue;
        }
        try {
          await options.handle(next.message);
          next.advance();
        } catch (error) {
          options.onError?.(error, next.message);
          await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
        }
      }
    })();

    return {
      joined: Promise.resolve(),
      stop: async () => {
        stopped = true;
        wake();
        this.wakers.delete(waker);
        await loop;
      },
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}

function hash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(31, h) + key.charCodeAt(i)) | 0;
  return Math.abs(h);
}
