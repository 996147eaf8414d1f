export * from './safeguarding.module';
