export * from './interviews.module';
export * from './interview-queue/get-interview-queue.query';
