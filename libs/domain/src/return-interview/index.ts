export * from './events';
export * from './commands';
export * from './state';
export * from './return-interview.decider';
