export * from './safeguarding.module';
export * from './alert-delivery';
