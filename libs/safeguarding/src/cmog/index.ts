export * from './cmog.module';
