import type { Consumer, ConsumerConfig, IHeaders, Kafka } from 'kafkajs';
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

  const eachMessage = async ({
    topic,
    partition,
    message,
  }: {
    topic: string;
    partition: number;
    message: { offset: string; key: Buffer | null; value: Buffer | null; headers?: IHeaders };
  }) => {
    const consumed: ConsumedMessage = {
      topic: names.logical(topic),
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? '',
      ...decodeValue(message.value),
      headers: decodeHeaders(message.headers),
    };
    try {
      await options.handle(consumed);
    } catch (error) {
      options.onError?.(error, consumed);
      throw error;
    }
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
    await consumer.run({ eachMessage });
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
