export * from './interview-escalation-alerts.workflow';
