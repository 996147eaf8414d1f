export * from './request-context';
export * from './homeward-metrics';
export * from './loggable-error';
export * from './metrics-access';
export * from './observability.module';
