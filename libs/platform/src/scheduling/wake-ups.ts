import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SCHEDULER, type FiredWakeUp, type Scheduler } from '@homeward/scheduler';

export type WakeUpHandler = (wakeUp: FiredWakeUp) => Promise<void>;

/** Wake-ups armed before kinds existed were all return-interview deadlines. */
const LEGACY_KIND = 'return-interview';

/**
 * One alarm clock per process, shared by every context in it: each arms wake-ups of its own
 * kind and handles only those (interview deadlines, alert acknowledgement deadlines...). The
 * scheduler delivers at least once; handlers re-check their stream, so repeats are harmless.
 */
@Injectable()
export class WakeUps implements OnApplicationBootstrap {
  private readonly logger = new Logger('WakeUps');
  private readonly handlers = new Map<string, WakeUpHandler>();

  constructor(@Inject(SCHEDULER) private readonly scheduler: Scheduler) {}

  /** Registers the handler of one kind; call it in onModuleInit, before the clock starts. */
  on(kind: string, handler: WakeUpHandler): void {
    if (this.handlers.has(kind)) throw new Error(`wake-ups of kind ${kind} already have a handler`);
    this.handlers.set(kind, handler);
  }

  schedule(kind: string, key: string, runAt: string, payload: Record<string, unknown>) {
    return this.scheduler.schedule({ key, runAt, payload: { ...payload, kind } });
  }

  cancel(key: string) {
    return this.scheduler.cancel(key);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.handlers.size === 0) return;
    await this.scheduler.start((wakeUp) => this.dispatch(wakeUp));
  }

  private async dispatch(wakeUp: FiredWakeUp): Promise<void> {
    const kind = typeof wakeUp.payload.kind === 'string' ? wakeUp.payload.kind : LEGACY_KIND;
    const handler = this.handlers.get(kind);
    if (!handler) {
      // Another service's kind on a shared queue would be a wiring mistake: say so, lose nothing
      // (the owner re-arms its deadlines from its read model when it starts).
      this.logger.warn(`wake-up ${wakeUp.key} of kind ${kind} has no handler in this service`);
      return;
    }
    await handler(wakeUp);
  }
}
