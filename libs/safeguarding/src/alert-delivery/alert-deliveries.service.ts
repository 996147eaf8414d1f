import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import {
  AUDIT_LOG,
  EventProcessing,
  disclosureEntry,
  type AuditLog,
  HOMEWARD_CONFIG,
  HomewardMetrics,
  loggableError,
  type HomewardConfig,
  type WebhookTarget,
} from '@homeward/platform';
import { alertBody, type AlertDocument } from './alert-document';
import {
  ALERT_DELIVERY_SETTINGS,
  DEFAULT_DELIVERY_SETTINGS,
  DELIVERY_QUEUE,
  type DeliveryJob,
  type DeliveryQueue,
  type DeliverySettings,
} from './delivery-queue';
import {
  claimForRedrive,
  listDeliveries,
  migrateDeliveries,
  pendingDeliveries,
  recordAttempt,
  recordFailed,
  recordPending,
  type DeliveryFilter,
  type DeliveryRecord,
} from './delivery-records';
import { postSignedAlert, WebhookRejected } from './webhook-sender';
import { deliveryJobId, targetsForAlert } from './webhook-targets';

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** A failure as logged: the status line only (older records kept a snippet of the answer). */
const loggedFailure = (failure: string): string => failure.replace(/^(HTTP \d{3}[^:]*):.*$/s, '$1');

/**
 * Signed webhook deliveries of alerts: one job per alert and matching target, its state in
 * rm_alert_deliveries. A delivery is PENDING until a 2xx answer makes it DELIVERED; one that used
 * up its attempts is FAILED, kept, listed, and queued again by a re-drive. On start-up every
 * PENDING delivery is queued again (a no-op for BullMQ jobs that are still there).
 */
@Injectable()
export class AlertDeliveries
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('AlertDeliveries');
  private readonly targets: Map<string, WebhookTarget>;
  private readonly allowPrivateAddresses: boolean;
  readonly settings: DeliverySettings;

  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(HOMEWARD_CONFIG) config: HomewardConfig,
    @Inject(DELIVERY_QUEUE) private readonly queue: DeliveryQueue,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    private readonly processing: EventProcessing,
    @Optional() @Inject(ALERT_DELIVERY_SETTINGS) settings?: Partial<DeliverySettings>,
    @Optional() private readonly metrics: HomewardMetrics = new HomewardMetrics(),
  ) {
    this.targets = new Map((config.webhooks ?? []).map((t) => [t.name, t]));
    this.allowPrivateAddresses = config.allowPrivateWebhookTargets ?? false;
    this.settings = { ...DEFAULT_DELIVERY_SETTINGS, ...settings };
  }

  /** The table exists before any reactor runs (reactors start in onApplicationBootstrap). */
  async onModuleInit(): Promise<void> {
    await migrateDeliveries(this.db);
    this.processing.afterStart(() => this.requeuePending());
    // Redis back, perhaps without its data: what is still pending is queued again (no-op if there).
    this.queue.onReconnected?.(() => {
      this.requeuePending().catch((error: unknown) =>
        this.logger.warn(`could not queue pending deliveries again: ${loggableError(error)}`),
      );
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.targets.size === 0) return;
    await this.queue.start(
      (job, attempt) => this.attempt(job, attempt),
      (job, error) => this.givenUp(job, error),
    );
    this.logger.log(
      `delivering alerts to ${[...this.targets.keys()].join(', ')} (${this.queue.kind} queue)`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  /** Records and queues the alert for every target that takes it; repeats change nothing. */
  async deliver(alert: AlertDocument): Promise<void> {
    for (const target of targetsForAlert([...this.targets.values()], alert)) {
      const status = await recordPending(this.db, alert, target.name);
      // Delivered, or failed and waiting for a re-drive: queueing it again would resend it.
      if (status !== 'PENDING') continue;
      await this.enqueue({ alertId: alert.alertId, target: target.name, alert });
    }
  }

  list(filter: DeliveryFilter): Promise<DeliveryRecord[]> {
    return listDeliveries(this.db, filter);
  }

  /** Queues FAILED deliveries again, with all their attempts; returns what was queued. */
  async redrive(filter: { alertId?: string; target?: string }) {
    const claimed = await claimForRedrive(this.db, filter, [...this.targets.keys()]);
    for (const job of claimed)
      await this.queue.requeue(deliveryJobId(job.alertId, job.target), job);
    if (claimed.length > 0) this.logger.log(`re-drove ${claimed.length} failed alert deliveries`);
    return claimed.map(({ alertId, target }) => ({ alertId, target }));
  }

  private async enqueue(job: DeliveryJob): Promise<void> {
    const state = await this.queue.enqueue(deliveryJobId(job.alertId, job.target), job);
    // The job used up its attempts but the row never heard (the process stopped in between).
    if (state === 'failed') {
      await recordFailed(this.db, job.alertId, job.target, 'used up its delivery attempts');
    }
  }

  private async requeuePending(): Promise<void> {
    if (this.targets.size === 0) return;
    for (const job of await pendingDeliveries(this.db)) {
      if (!this.targets.has(job.target)) {
        await recordFailed(this.db, job.alertId, job.target, 'target is no longer configured');
        continue;
      }
      await this.enqueue(job);
    }
  }

  private async attempt(job: DeliveryJob, attempt: number): Promise<void> {
    const target = this.targets.get(job.target);
    let failure: string | null = null;
    let status: number | null = null;
    try {
      if (!target) throw new Error('target is no longer configured');
      await postSignedAlert(target, job.alertId, alertBody(job.alert), {
        timeoutMs: this.settings.requestTimeoutMs,
        allowPrivateAddresses: this.allowPrivateAddresses,
      });
      status = 200;
    } catch (error) {
      failure = describe(error);
      if (error instanceof WebhookRejected) status = error.status;
    }
    await recordAttempt(this.db, job.alertId, job.target, failure, status);
    // A disclosure whenever the target took the request (even to refuse it): audited.
    if (status !== null) {
      await this.audit.record(
        disclosureEntry({
          channel: `webhook ${job.target}`,
          childIds: job.alert.childId ? [job.alert.childId] : [],
          records: 1,
          status,
          result: failure === null ? 'delivered' : 'refused by the target',
        }),
      );
    }
    this.metrics.webhookDeliveries.inc({
      target: job.target,
      outcome: failure === null ? 'delivered' : 'retrying',
    });
    if (failure !== null) {
      this.logger.warn(
        `alert ${job.alertId} to ${job.target}: attempt ${attempt} of ${this.settings.attempts} failed: ${loggedFailure(failure)}`,
      );
      throw new Error(failure);
    }
  }

  private async givenUp(job: DeliveryJob, error: unknown): Promise<void> {
    await recordFailed(this.db, job.alertId, job.target, describe(error));
    this.metrics.webhookDeliveries.inc({ target: job.target, outcome: 'failed' });
    this.logger.error(
      `alert ${job.alertId} to ${job.target} FAILED after ${this.settings.attempts} attempts ` +
        `(${loggedFailure(describe(error))}); re-drive it with POST /api/v1/alerts/deliveries/redrive`,
    );
  }
}
