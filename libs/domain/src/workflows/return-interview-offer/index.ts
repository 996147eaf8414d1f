export * from './return-interview-offer.workflow';
