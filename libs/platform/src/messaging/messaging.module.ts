import {
  Global,
  Inject,
  Logger,
  Module,
  Optional,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { KafkaMessageBus, MESSAGE_BUS, type MessageBus } from '@homeward/messaging';
import {
  BullMqScheduler,
  InProcessScheduler,
  SCHEDULER,
  type Scheduler,
} from '@homeward/scheduler';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';
import { HOMEWARD_TOPICS } from './topics';

/**
 * Kafka (when KAFKA_BROKERS is set) and the deadline scheduler: BullMQ on Redis when REDIS_URL is
 * set, otherwise in-process (the application re-arms every open deadline on start-up either way).
 */
@Global()
@Module({
  providers: [
    {
      provide: MESSAGE_BUS,
      inject: [HOMEWARD_CONFIG],
      useFactory: async ({ kafka }: HomewardConfig): Promise<MessageBus | null> => {
        if (!kafka) return null;
        const logger = new Logger('Kafka');
        const bus = new KafkaMessageBus({
          ...kafka,
          log: (level, message) =>
            level === 'error' ? logger.error(message) : logger.warn(message),
        });
        await bus.ensureTopics(HOMEWARD_TOPICS);
        logger.log(`connected to ${kafka.brokers.join(',')}; topics ensured`);
        return bus;
      },
    },
    {
      provide: SCHEDULER,
      inject: [HOMEWARD_CONFIG],
      useFactory: async ({ scheduler, service }: HomewardConfig): Promise<Scheduler> => {
        if (scheduler.kind === 'bullmq') {
          await BullMqScheduler.assertNoEviction(scheduler.redisUrl);
          // A queue per service: the interviews and safeguarding services never take each
          // other's wake-ups. The embedded all-in-one process keeps the one queue.
          const queueName =
            service === 'all' ? 'homeward-wake-ups' : `homeward-${service}-wake-ups`;
          return new BullMqScheduler({ redisUrl: scheduler.redisUrl, queueName });
        }
        return new InProcessScheduler();
      },
    },
  ],
  exports: [MESSAGE_BUS, SCHEDULER],
})
export class MessagingModule implements OnApplicationShutdown {
  constructor(
    @Optional() @Inject(MESSAGE_BUS) private readonly bus: MessageBus | null,
    @Inject(SCHEDULER) private readonly scheduler: Scheduler,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.close();
    await this.bus?.close();
  }
}
