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

describe('a Kafka consumer taking several keys at once (keysAtOnce)', () => {
  it('handles different keys together, one key in order, and redelivers from a failure on', async () => {
    await requireKafka();
    const bus = open(`lanes-${randomUUID().slice(0, 8)}`);
    try {
      const topic = 'lanes.v1';
      await bus.ensureTopics([{ topic, partitions: 1 }]);
      const handled: string[] = [];
      let inFlight = 0;
      let mostInFlight = 0;
      let failedOnce = false;
      const consumer = await bus.consume({
        groupId: 'lanes-test',
        topics: [topic],
        keysAtOnce: 3,
        handle: async (m) => {
          inFlight++;
          mostInFlight = Math.max(mostInFlight, inFlight);
          try {
            await new Promise((r) => setTimeout(r, 30));
            if (m.value === 'b2' && !failedOnce) {
              failedOnce = true;
              throw new Error('the store did not answer');
            }
            handled.push(m.value);
          } finally {
            inFlight--;
          }
        },
      });
      await consumer.joined;
      const values = ['a1', 'b1', 'c1', 'a2', 'b2', 'c2', 'a3', 'b3', 'c3'];
      await bus.publish(
        topic,
        values.map((value) => ({ key: value[0], value })),
      );
      const deadline = Date.now() + 30_000;
      while (!values.every((v) => handled.includes(v)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      console.log(
        `handled with 3 keys at once: ${JSON.stringify(handled)}, ${mostInFlight} at most`,
      );
      expect(new Set(handled)).toEqual(new Set(values));
      expect(mostInFlight).toBeGreaterThan(1);
      expect(failedOnce).toBe(true);
      // Each key in order, every time it was handled (a redelivery starts again from the failure).
      for (const key of ['a', 'b', 'c']) {
        const ofKey = handled.filter((v) => v[0] === key);
        for (let i = 1; i < ofKey.length; i++) {
          if (ofKey[i] < ofKey[i - 1]) expect(ofKey[i]).toBe(`${key}1`);
        }
        expect(ofKey.indexOf(`${key}2`)).toBeGreaterThan(ofKey.indexOf(`${key}1`));
        expect(ofKey.lastIndexOf(`${key}3`)).toBeGreaterThan(ofKey.lastIndexOf(`${key}2`));
      }
      // b2 was handled only after it failed: nothing after it on its key ran before it.
      expect(handled.indexOf('b3')).toBeGreaterThan(handled.indexOf('b2'));
      await consumer.stop();
    } finally {
      await bus.close();
    }
  }, 60_000);
});
