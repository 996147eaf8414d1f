import { Logger } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import type {
  DeliveryHandler,
  DeliveryJob,
  DeliveryQueue,
  DeliverySettings,
  GivenUpHandler,
} from './delivery-queue';
import { retryDelayMs } from './delivery-queue';

export const ALERT_DELIVERY_QUEUE_NAME = 'homeward-alert-deliveries';
const JOB_NAME = 'deliver-alert';
const BACKOFF_TYPE = 'homeward-capped-exponential';

/**
 * Delivery jobs in Redis (BullMQ): they survive restarts of every process, are retried with
 * capped exponential backoff, and one that used up its attempts stays in the failed set (never
 * removed) until a re-drive replaces it. A job id is `<alertId>.<target>`: adding it again while
 * it exists is a no-op, which is the dedupe. Completed jobs are kept a day, so a late repeat of
 * the same alert finds the job and does nothing.
 */
export class BullMqDeliveryQueue implements DeliveryQueue {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('AlertDeliveryQueue');
  private readonly queue: Queue<DeliveryJob, void, typeof JOB_NAME>;
  private worker: Worker<DeliveryJob, void, typeof JOB_NAME> | null = null;

  constructor(
    private readonly redisUrl: string,
    private readonly settings: DeliverySettings,
    private readonly queueName = ALERT_DELIVERY_QUEUE_NAME,
    private readonly prefix = 'homeward',
  ) {
    this.queue = new Queue<DeliveryJob, void, typeof JOB_NAME>(queueName, {
      connection: { url: redisUrl },
      prefix,
      defaultJobOptions: {
        attempts: settings.attempts,
        backoff: { type: BACKOFF_TYPE, delay: settings.backoffBaseMs },
        removeOnComplete: { age: 24 * 3600, count: 100_000 },
        removeOnFail: false,
      },
    });
    this.queue.on('error', this.reportOnce('queue'));
  }

  onReconnected(listener: () => void): void {
    // ioredis says 'ready' on every connection; each one after the first is a reconnection.
    this.queue
      .getBackend()
      .client.then((client) => {
        let connectedBefore = client.status === 'ready';
        client.on('ready', () => {
          if (connectedBefore) listener();
          connectedBefore = true;
        });
      })
      .catch((error: Error) =>
        this.logger.warn(`alert deliveries: no Redis client: ${error.message}`),
      );
  }

  async enqueue(id: string, job: DeliveryJob): Promise<'queued' | 'exists' | 'failed'> {
    const existing = await this.queue.getJob(id);
    if (existing) return (await existing.isFailed()) ? 'failed' : 'exists';
    await this.queue.add(JOB_NAME, job, { jobId: id });
    return 'queued';
  }

  async requeue(id: string, job: DeliveryJob): Promise<void> {
    const existing = await this.queue.getJob(id);
    if (existing) {
      const state = await existing.getState();
      // Waiting, delayed or running: it will be tried anyway.
      if (state !== 'failed' && state !== 'completed') return;
      await this.queue.remove(id);
    }
    await this.queue.add(JOB_NAME, job, { jobId: id });
  }

  async start(deliver: DeliveryHandler, givenUp: GivenUpHandler): Promise<void> {
    if (this.worker) throw new Error('BullMqDeliveryQueue already started');
    const worker = new Worker<DeliveryJob, void, typeof JOB_NAME>(
      this.queueName,
      (job: Job<DeliveryJob, void, typeof JOB_NAME>) => deliver(job.data, job.attemptsMade + 1),
      {
        // BullMQ requires maxRetriesPerRequest: null on the worker's (blocking) connections.
        connection: { url: this.redisUrl, maxRetriesPerRequest: null },
        prefix: this.prefix,
        concurrency: this.settings.concurrency,
        settings: {
          backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade, this.settings),
        },
      },
    );
    worker.on('error', this.reportOnce('worker'));
    worker.on('failed', (job, error) => {
      if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
      givenUp(job.data, error).catch((e: unknown) =>
        this.logger.error(`could not record delivery ${job.id} as failed: ${String(e)}`),
      );
    });
    this.worker = worker;
    await worker.waitUntilReady();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
  }

  private reportOnce(source: string): (error: Error) => void {
    let last = '';
    return (error) => {
      if (error.message === last) return;
      last = error.message;
      this.logger.warn(`alert deliveries ${source}: ${error.message}`);
    };
  }
}
