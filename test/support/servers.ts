import { Kafka, logLevel } from 'kafkajs';
import { TEST_DATABASE_URL } from './postgres';

export { TEST_DATABASE_URL };
export const TEST_KAFKA_BROKERS = process.env.TEST_KAFKA_BROKERS ?? '127.0.0.1:59092';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:56379';

/** Fails (never skips) with a clear message when the broker `npm run infra:up` starts is not there. */
export async function requireKafka(): Promise<void> {
  const admin = new Kafka({
    clientId: 'homeward-test-probe',
    brokers: TEST_KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    retry: { retries: 2 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
  } catch (error) {
    throw new Error(
      `Kafka is not reachable at ${TEST_KAFKA_BROKERS} (${(error as Error).message}). ` +
        'Start it with `npm run infra:up` or set TEST_KAFKA_BROKERS.',
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Reads every message of a topic from the beginning until `until` holds or the time runs out. */
export async function readTopic(
  topic: string,
  until: (
    values: Array<{ key: string; value: string; headers: Record<string, string> }>,
  ) => boolean,
  timeoutMs = 20_000,
) {
  const kafka = new Kafka({
    clientId: 'homeward-test-reader',
    brokers: TEST_KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({
    groupId: `test-reader-${Math.random().toString(36).slice(2)}`,
  });
  const seen: Array<{ key: string; value: string; headers: Record<string, string> }> = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {}))
        headers[k] = String(Array.isArray(v) ? v[0] : v);
      seen.push({
        key: message.key?.toString() ?? '',
        value: message.value?.toString() ?? '',
        headers,
      });
      if (until(seen)) done();
    },
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([finished, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
  clearTimeout(timer);
  await consumer.disconnect();
  return seen;
}
