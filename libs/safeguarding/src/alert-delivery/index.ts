export * from './alert-delivery.module';
export * from './alert-document';
export * from './alert-deliveries.service';
export * from './delivery-queue';
export * from './delivery-records';
export * from './webhook-signature';
export * from './webhook-targets';
export { ALERT_DELIVERY_QUEUE_NAME } from './bullmq-delivery-queue';
