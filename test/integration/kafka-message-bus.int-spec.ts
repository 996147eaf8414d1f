import { KafkaMessageBus } from '@homeward/messaging';
import { messageBusConformance } from '../../libs/messaging/src/testing/message-bus.conformance';
import { TEST_KAFKA_BROKERS, requireKafka } from '../support/servers';

messageBusConformance('Kafka (real broker)', async () => {
  await requireKafka();
  return new KafkaMessageBus({
    brokers: TEST_KAFKA_BROKERS.split(','),
    clientId: 'homeward-conformance',
  });
});
