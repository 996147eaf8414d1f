export * from './safeguarding.module';
export * from './alert-delivery';
export * from './read-models';
export * from './safeguarding.flow';
