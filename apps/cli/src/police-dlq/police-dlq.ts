import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { POLICE_NOTIFICATIONS_DLQ, POLICE_NOTIFICATIONS_TOPIC } from '@homeward/platform';

export interface DlqMessage {
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface KafkaSettings {
  brokers: string[];
  namespace?: string;
}

/** Topic names as Homeward's KafkaMessageBus names them under KAFKA_NAMESPACE. */
export const namespaced = (settings: KafkaSettings, topic: string) =>
  settings.namespace ? `${settings.namespace}.${topic}` : topic;

/** Headers the consumer adds when it dead-letters a message; a resend leaves them behind. */
const REASON_HEADERS =
  /^x-(error|error-reason|original-topic|original-partition|original-offset|failed-at)$/;

/**
 * The police DLQ, read whole: it holds the few messages Homeward could not accept (30 days'
 * retention). Read with a throwaway consumer group that never commits and is deleted after,
 * so the CLI moves nobody's offsets.
 */
export async function readDlq(settings: KafkaSettings): Promise<DlqMessage[]> {
  const kafka = new Kafka({
    clientId: 'homeward-cli',
    brokers: settings.brokers,
    logLevel: logLevel.NOTHING,
  });
  const topic = namespaced(settings, POLICE_NOTIFICATIONS_DLQ);
  const admin = kafka.admin();
  await admin.connect();
  const groupId = namespaced(settings, `homeward.cli.${randomUUID()}`);
  try {
    const ends = (await admin.fetchTopicOffsets(topic)).filter(
      (p) => Number(p.high) > Number(p.low),
    );
    if (ends.length === 0) return [];
    const consumer = kafka.consumer({ groupId });
    const messages: DlqMessage[] = [];
    const remaining = new Map(ends.map((p) => [p.partition, Number(p.high) - 1]));
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`reading ${topic} took over 60 s`)),
          60_000,
        );
        void consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              messages.push({
                partition,
                offset: message.offset,
                key: message.key?.toString('utf8') ?? '',
                value: message.value?.toString('utf8') ?? '',
                headers: headersOf(message.headers),
              });
              if (Number(message.offset) >= (remaining.get(partition) ?? -1))
                remaining.delete(partition);
              if (remaining.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return messages.sort(
      (a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset),
    );
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** Publishes a dead-lettered message (or its corrected value) back to the police topic. */
export async function resend(
  settings: KafkaSettings,
  message: DlqMessage,
  value: string,
): Promise<string> {
  const kafka = new Kafka({
    clientId: 'homeward-cli',
    brokers: settings.brokers,
    logLevel: logLevel.NOTHING,
  });
  const topic = namespaced(settings, POLICE_NOTIFICATIONS_TOPIC);
  const producer = kafka.producer();
  await producer.connect();
  try {
    const headers = Object.fromEntries(
      Object.entries(message.headers).filter(([name]) => !REASON_HEADERS.test(name)),
    );
    headers['x-redriven-from'] =
      `${namespaced(settings, POLICE_NOTIFICATIONS_DLQ)}/${message.partition}/${message.offset}`;
    await producer.send({ topic, acks: -1, messages: [{ key: message.key, value, headers }] });
    return topic;
  } finally {
    await producer.disconnect();
  }
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}
