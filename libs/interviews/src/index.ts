export * from './interviews.module';
export * from './read-models';
export * from './interviews.flow';
