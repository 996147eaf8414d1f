export * from './values';
export * from './events';
export * from './information-report.decider';
