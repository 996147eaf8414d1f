export * from './event-store.port';
export * from './sql/sql-database.port';
export * from './sql/postgres-database';
export * from './sql/pglite-database';
export * from './adapters/memory/in-memory-event-store';
export * from './adapters/sql/sql-event-store';
export * from './subscription/polling-subscription';
export * from './adapters/kurrentdb';
