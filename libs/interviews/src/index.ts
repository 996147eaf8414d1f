export * from './interviews.module';
export * from './read-models';
