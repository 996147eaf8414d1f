export * from './console.module';
export * from './child-timeline/get-child-timeline.query';
export * from './interview-queue/get-interview-queue.query';
export * from './read-models';
export * from './console.flow';
