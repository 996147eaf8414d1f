// Each reactor's decision (see shared/workflow.ts), one folder per workflow.
export * from './return-interview-offer';
export * from './repeat-missing-alerts';
export * from './out-of-area-alerts';
export * from './screening-outcome-alerts';
export * from './interview-escalation-alerts';
export * from './unacknowledged-escalation-alerts';
export * from './hotspot-alerts';
export * from './association-alerts';
