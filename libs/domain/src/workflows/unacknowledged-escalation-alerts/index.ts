export * from './unacknowledged-escalation-alerts.workflow';
