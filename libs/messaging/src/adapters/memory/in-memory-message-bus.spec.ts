import { messageBusConformance } from '../../testing/message-bus.conformance';
import { InMemoryMessageBus } from './in-memory-message-bus';

messageBusConformance('in-memory', async () => new InMemoryMessageBus());
