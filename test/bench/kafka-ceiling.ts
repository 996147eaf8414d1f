import { randomUUID } from 'node:crypto';
import { KafkaMessageBus, type BusMessage } from '@homeward/messaging';

/**
 * The raw Kafka ceiling of the same broker in the same run: the same messages produced to a
 * topic of the same partitions and consumed by one group member, with nothing done per message
 * (Homeward's own bus, so the client settings are the ones intake runs with).
 */
export async function measureKafkaCeiling(options: {
  brokers: string[];
  messages: BusMessage[];
  partitions: number;
}): Promise<number> {
  const namespace = `bench-ceiling-${randomUUID().slice(0, 8)}`;
  const bus = new KafkaMessageBus({
    brokers: options.brokers,
    clientId: 'homeward-bench-ceiling',
    namespace,
  });
  try {
    await bus.ensureTopics([{ topic: 'ceiling', partitions: options.partitions }]);
    let consumed = 0;
    let allIn!: () => void;
    const done = new Promise<void>((resolve) => (allIn = resolve));
    const consumer = await bus.consume({
      groupId: `${namespace}-group`,
      topics: ['ceiling'],
      keysAtOnce: 32,
      handle: async () => {
        if (++consumed === options.messages.length) allIn();
      },
    });
    await consumer.joined;
    const started = Date.now();
    for (let i = 0; i < options.messages.length; i += 500) {
      await bus.publish('ceiling', options.messages.slice(i, i + 500));
    }
    await done;
    const ms = Date.now() - started;
    await consumer.stop();
    return Math.round((options.messages.length * 1000) / ms);
  } finally {
    await bus.close();
  }
}
