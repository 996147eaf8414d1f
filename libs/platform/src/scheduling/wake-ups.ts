import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { SCHEDULER, type FiredWakeUp, type Scheduler } from '@homeward/scheduler';
import { EventProcessing } from '../event-processing/event-processing.service';
import { HomewardMetrics } from '../observability/homeward-metrics';
import { loggableError } from '../observability/loggable-error';
import { RequestContext } from '../observability/request-context';

export type WakeUpHandler = (wakeUp: FiredWakeUp) => Promise<void>;

/** Arms every open deadline of one kind again from its read model (idempotent). */
export type RearmHook = () => Promise<void>;

/** Wake-ups armed before kinds existed were all return-interview deadlines. */
const LEGACY_KIND = 'return-interview';

/** Re-arming after a reconnection that fails (the database down too) is tried again this often. */
const REARM_RETRY_MS = { first: 1_000, max: 30_000 };

/**
 * One alarm clock per process, shared by every context in it: each arms wake-ups of its own
 * kind and handles only those (interview deadlines, alert acknowledgement deadlines...). The
 * scheduler delivers at least once; handlers re-check their stream, so repeats are harmless.
 *
 * The clock is only a clock: deadlines are events, and each kind re-arms its open ones from its
 * read model on start-up and whenever the scheduler's server is reachable again after an outage
 * (Redis restarted without its data has forgotten every alarm).
 */
@Injectable()
export class WakeUps implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WakeUps');
  private readonly handlers = new Map<string, WakeUpHandler>();
  private readonly rearmHooks: RearmHook[] = [];
  /** Set once the start-up re-arm ran: reconnections before it have nothing to redo. */
  private armedOnce = false;
  private rearming: Promise<void> | null = null;
  private rearmAgain = false;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(
    @Inject(SCHEDULER) private readonly scheduler: Scheduler,
    private readonly processing: EventProcessing,
    @Optional() private readonly metrics: HomewardMetrics = new HomewardMetrics(),
  ) {
    this.scheduler.onReconnected?.(() => this.rearmAfterReconnect());
  }

  /** Registers the handler of one kind; call it in onModuleInit, before the clock starts. */
  on(kind: string, handler: WakeUpHandler): void {
    if (this.handlers.has(kind)) throw new Error(`wake-ups of kind ${kind} already have a handler`);
    this.handlers.set(kind, handler);
  }

  /**
   * Registers how one kind arms its open deadlines from its read model: run once every
   * projection's tables exist at start-up, and again after each reconnection of the scheduler.
   * Call it in onModuleInit.
   */
  rearmFrom(hook: RearmHook): void {
    if (this.rearmHooks.length === 0) {
      this.processing.afterStart(async () => {
        for (const each of this.rearmHooks) await each();
        this.armedOnce = true;
      });
    }
    this.rearmHooks.push(hook);
  }

  /** Whether any kind re-arms from a read model in this process. */
  rearmsAnything(): boolean {
    return this.rearmHooks.length > 0;
  }

  /** Arms every open deadline again now (the operator CLI's `deadlines rearm`); how many kinds. */
  async rearmNow(): Promise<number> {
    for (const hook of this.rearmHooks) await hook();
    return this.rearmHooks.length;
  }

  async schedule(kind: string, key: string, runAt: string, payload: Record<string, unknown>) {
    await this.scheduler.schedule({ key, runAt, payload: { ...payload, kind } });
    this.metrics.alarmsArmed.inc({ kind });
  }

  cancel(key: string) {
    return this.scheduler.cancel(key);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.handlers.size === 0) return;
    await this.scheduler.start((wakeUp) => this.dispatch(wakeUp));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.rearming;
  }

  /**
   * Runs every re-arm hook until they all succeed (retrying with backoff while the database or
   * the scheduler still fails), once at a time: a reconnection during a run runs them again.
   */
  private rearmAfterReconnect(): void {
    if (!this.armedOnce || this.stopped || this.rearmHooks.length === 0) return;
    if (this.rearming) {
      this.rearmAgain = true;
      return;
    }
    this.rearming = this.rearmUntilDone().finally(() => (this.rearming = null));
  }

  private async rearmUntilDone(): Promise<void> {
    let delay = REARM_RETRY_MS.first;
    do {
      this.rearmAgain = false;
      try {
        for (const hook of this.rearmHooks) await hook();
        this.logger.log('open deadlines armed again after the scheduler reconnected');
      } catch (error) {
        this.logger.warn(
          `re-arming open deadlines failed, trying again in ${delay} ms: ${loggableError(error)}`,
        );
        await this.pause(delay);
        delay = Math.min(delay * 2, REARM_RETRY_MS.max);
        this.rearmAgain = true;
      }
    } while (this.rearmAgain && !this.stopped);
  }

  /** Waits `ms`, or less if the application shuts down meanwhile. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async dispatch(wakeUp: FiredWakeUp): Promise<void> {
    const kind = typeof wakeUp.payload.kind === 'string' ? wakeUp.payload.kind : LEGACY_KIND;
    this.metrics.alarmsFired.inc({ kind });
    const late = (Date.parse(wakeUp.firedAt) - Date.parse(wakeUp.runAt)) / 1000;
    if (Number.isFinite(late)) this.metrics.alarmLateness.observe({ kind }, Math.max(0, late));
    const handler = this.handlers.get(kind);
    if (!handler) {
      // Another service's kind on a shared queue would be a wiring mistake: say so, lose nothing
      // (the owner re-arms its deadlines from its read model when it starts).
      this.logger.warn(`wake-up ${wakeUp.key} of kind ${kind} has no handler in this service`);
      return;
    }
    // The key names the deadline: what the handler logs or appends is traced to it.
    await RequestContext.run({ processor: `wake-up:${kind}`, correlationId: wakeUp.key }, () =>
      handler(wakeUp),
    );
  }
}
