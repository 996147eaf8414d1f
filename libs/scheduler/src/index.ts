export * from './scheduler.port';
