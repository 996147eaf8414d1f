export * from './console.module';
export * from './child-timeline/get-child-timeline.query';
