export * from './message-bus.port';
export * from './adapters/kafka/kafka-message-bus';
export * from './adapters/memory/in-memory-message-bus';
