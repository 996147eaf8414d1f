export * from './repeat-missing-alerts.workflow';
