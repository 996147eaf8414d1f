import { randomUUID } from 'node:crypto';
import { KafkaMessageBus } from '@homeward/messaging';
import { messageBusConformance } from '../../libs/messaging/src/testing/message-bus.conformance';
import { TEST_KAFKA_BROKERS, readTopic, requireKafka } from '../support/servers';

const open = (namespace?: string) =>
  new KafkaMessageBus({
    brokers: TEST_KAFKA_BROKERS.split(','),
    clientId: 'homeward-conformance',
    ...(namespace ? { namespace } : {}),
  });

messageBusConformance('Kafka (real broker)', async () => {
  await requireKafka();
  return open();
});

messageBusConformance('Kafka (real broker, namespaced)', async () => {
  await requireKafka();
  return open(`conformance-${randomUUID().slice(0, 8)}`);
});

describe('Kafka namespaces', () => {
  it('keep one environment’s topics apart from another’s on the same broker', async () => {
    await requireKafka();
    const namespace = `ns-${randomUUID().slice(0, 8)}`;
    const bus = open(namespace);
    try {
      const topic = `isolation.${randomUUID().slice(0, 8)}.v1`;
      await bus.ensureTopics([{ topic, partitions: 1 }]);
      await bus.publish(topic, [{ key: 'k', value: 'in the namespace' }]);
      const physical = await readTopic(`${namespace}.${topic}`, (seen) => seen.length >= 1);
      expect(physical.map((m) => m.value)).toEqual(['in the namespace']);
    } finally {
      await bus.close();
    }
  });
});

describe('a Kafka consumer whose handler throws what kafkajs deems unrecoverable', () => {
  it('is started again and gets the message again, rather than stopping for good', async () => {
    await requireKafka();
    const bus = open(`crash-${randomUUID().slice(0, 8)}`);
    try {
      const topic = 'crash.v1';
      await bus.ensureTopics([{ topic, partitions: 1 }]);
      const deliveries: string[] = [];
      const consumer = await bus.consume({
        groupId: 'crash-test',
        topics: [topic],
        handle: async (m) => {
          deliveries.push(m.value);
          // kafkajs does not restart a consumer after a TypeError, RangeError, SyntaxError or
          // ReferenceError: one passing bug would stop the group member for good.
          if (deliveries.length === 1) throw new TypeError('a bug that passes');
        },
      });
      await consumer.joined;
      await bus.publish(topic, [
        { key: 'k', value: 'first' },
        { key: 'k', value: 'second' },
      ]);
      const deadline = Date.now() + 20_000;
      while (!deliveries.includes('second') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      console.log(`deliveries after a TypeError: ${JSON.stringify(deliveries)}`);
      expect(deliveries).toEqual(['first', 'first', 'second']);
    } finally {
      await bus.close();
    }
  }, 40_000);
});
