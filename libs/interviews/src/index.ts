export * from './interviews.module';
