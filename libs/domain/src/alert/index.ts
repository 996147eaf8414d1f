export * from './values';
export * from './events';
export * from './commands';
export * from './state';
export * from './alert.decider';
export { alertAcknowledgementDue } from './acknowledgement';
export type { AlertRequest } from './alert-request';
