export * from './screening-outcome-alerts.workflow';
