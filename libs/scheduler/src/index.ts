export * from './scheduler.port';
export { InProcessScheduler, MAX_TIMER_DELAY_MS } from './adapters/in-process/in-process-scheduler';
export type { InProcessSchedulerOptions } from './adapters/in-process/in-process-scheduler';
export { BullMqScheduler } from './adapters/bullmq/bullmq-scheduler';
export type {
  BullMqSchedulerOptions,
  BullMqSchedulerSettings,
} from './adapters/bullmq/bullmq-scheduler';
export type { SchedulerLog } from './adapters/shared';
