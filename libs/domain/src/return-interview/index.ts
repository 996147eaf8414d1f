export * from './events';
export * from './commands';
export * from './state';
export * from './values';
export * from './deadlines';
export * from './return-interview.decider';
