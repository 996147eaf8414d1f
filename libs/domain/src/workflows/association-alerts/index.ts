export * from './association-alerts.workflow';
