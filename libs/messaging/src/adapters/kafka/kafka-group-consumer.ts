import type {
  Consumer,
  ConsumerConfig,
  EachBatchPayload,
  IHeaders,
  Kafka,
  KafkaMessage,
} from 'kafkajs';
import type { ConsumedMessage, ConsumerOptions, RunningConsumer } from '../../message-bus.port';

export interface GroupConsumerNames {
  group: string;
  topics: string[];
  /** The application's name for a physical topic (without the namespace). */
  logical: (topic: string) => string;
  log: (level: 'error' | 'warn', message: string) => void;
}

/** Pauses between attempts to bring a crashed consumer back: 1 s doubling to 30 s. */
const FIRST_RESTART_MS = 1_000;
const MAX_RESTART_MS = 30_000;

/**
 * A consumer-group member that never stops for good while the application runs. kafkajs itself
 * restarts a consumer after a retriable crash (`restartOnFailure`), but a crash it deems
 * non-retriable (a handler's TypeError or RangeError, a connection error it wrapped as
 * non-retriable while the broker restarts) leaves the consumer disconnected forever. Then a new
 * kafkajs consumer is started in the same group, with backoff: it resumes from the committed
 * offsets, so nothing is skipped.
 */
export async function runGroupConsumer(
  kafka: Kafka,
  config: ConsumerConfig,
  names: GroupConsumerNames,
  options: ConsumerOptions,
): Promise<RunningConsumer> {
  let current: Consumer | null = null;
  let stopped = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let restartDelay = FIRST_RESTART_MS;
  let markJoined!: () => void;
  const joined = new Promise<void>((resolve) => (markJoined = resolve));

  const toConsumed = (
    topic: string,
    partition: number,
    message: KafkaMessage,
  ): ConsumedMessage => ({
    topic: names.logical(topic),
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    ...decodeValue(message.value),
    headers: decodeHeaders(message.headers),
  });

  /**
   * A fetched batch of one partition: messages with different keys are handled at once (up to
   * `keysAtOnce`), those with one key one after another, in order. The partition's position moves
   * past the longest run of messages all handled, so a failure redelivers the first one not
   * handled and everything after it (handled again, and harmless: handlers are idempotent).
   */
  const eachBatch = async (payload: EachBatchPayload) => {
    const { batch } = payload;
    const messages = batch.messages.map((m) => toConsumed(batch.topic, batch.partition, m));
    const handled = new Set<string>();
    // Set by whichever lane fails first; the others stop before their next message.
    const failed: { error?: unknown; yes: boolean } = { yes: false };
    const lanes = inKeyLanes(messages);
    let nextLane = 0;
    await Promise.all(
      Array.from({ length: Math.min(options.keysAtOnce ?? 1, lanes.length) }, async () => {
        while (nextLane < lanes.length) {
          for (const message of lanes[nextLane++]) {
            if (failed.yes || !payload.isRunning() || payload.isStale()) return;
            try {
              await options.handle(message);
              handled.add(message.offset);
              await payload.heartbeat(); // kafkajs sends one only once its interval has passed
            } catch (error) {
              options.onError?.(error, message);
              if (!failed.yes) Object.assign(failed, { yes: true, error });
              break;
            }
          }
        }
      }),
    );
    for (const message of messages) {
      if (!handled.has(message.offset)) break;
      payload.resolveOffset(message.offset);
    }
    if (failed.yes) throw failed.error;
  };

  const start = async (): Promise<void> => {
    const consumer = kafka.consumer(config);
    current = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      restartDelay = FIRST_RESTART_MS;
      markJoined();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !stopped && current === consumer) restartLater(payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: names.topics, fromBeginning: true });
    await consumer.run({ eachBatch, eachBatchAutoResolve: false });
  };

  const restartLater = (cause: Error) => {
    names.log(
      'error',
      `consumer group ${names.group} stopped (${cause.name}: ${cause.message}); ` +
        `starting it again in ${restartDelay} ms`,
    );
    const previous = current;
    restartTimer = setTimeout(() => {
      void (async () => {
        await previous?.disconnect().catch(() => undefined);
        if (stopped) return;
        try {
          await start();
        } catch (error) {
          restartDelay = Math.min(MAX_RESTART_MS, restartDelay * 2);
          if (!stopped) restartLater(error as Error);
        }
      })();
    }, restartDelay);
    restartTimer.unref();
  };

  await start();
  return {
    joined,
    stop: async () => {
      stopped = true;
      clearTimeout(restartTimer);
      await current?.disconnect();
    },
  };
}

/** The messages of each key, in order, keys in the order they first appear. */
function inKeyLanes(messages: readonly ConsumedMessage[]): ConsumedMessage[][] {
  const lanes = new Map<string, ConsumedMessage[]>();
  for (const message of messages) {
    const lane = lanes.get(message.key);
    if (lane) lane.push(message);
    else lanes.set(message.key, [message]);
  }
  return [...lanes.values()];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeValue(value: Buffer | null): { value: string; invalidUtf8?: true } {
  if (!value) return { value: '' };
  try {
    return { value: strictUtf8.decode(value) };
  } catch {
    return { value: value.toString('utf8'), invalidUtf8: true };
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
