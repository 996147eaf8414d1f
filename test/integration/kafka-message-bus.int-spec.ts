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
