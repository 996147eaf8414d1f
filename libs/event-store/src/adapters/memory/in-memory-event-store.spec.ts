import { eventStoreConformance } from '../../testing/event-store.conformance';
import { InMemoryEventStore } from './in-memory-event-store';

eventStoreConformance('in-memory', async () => new InMemoryEventStore());
