export * from './out-of-area-alerts.workflow';
