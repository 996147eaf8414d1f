import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';
import { migrateCheckpoints } from '../event-processing/checkpoints';
import { WakeUps } from '../scheduling/wake-ups';
import { acknowledge, lastRequestId, requestsAfter } from './operator-requests';

const POLL_MS = 1_000;

/**
 * Answers the operator CLI's requests (`deadlines rearm`) in a running process. The CLI cannot
 * arm wake-ups itself: they live in this process's scheduler (in memory without REDIS_URL) and
 * only this process knows how each kind is armed. Requests from before this process started
 * are skipped: start-up armed every open deadline anyway.
 */
@Injectable()
export class OperatorRequests implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OperatorRequests');
  private timer: NodeJS.Timeout | null = null;
  private seen = 0;
  private busy: Promise<void> | null = null;
  /** During an outage the poll fails every second: said once, until a poll succeeds again. */
  private failing = false;

  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    private readonly wakeUps: WakeUps,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.wakeUps.rearmsAnything()) return;
    await migrateCheckpoints(this.db);
    this.seen = await lastRequestId(this.db);
    this.timer = setInterval(() => {
      this.busy ??= this.poll().finally(() => (this.busy = null));
    }, POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.busy;
  }

  private async poll(): Promise<void> {
    try {
      for (const request of await requestsAfter(this.db, this.seen)) {
        if (request.kind === 'deadlines.rearm') {
          const kinds = await this.wakeUps.rearmNow();
          const detail = `re-armed every open deadline (${kinds} kind${kinds === 1 ? '' : 's'})`;
          await acknowledge(this.db, request.id, this.config.service, detail);
          this.logger.log(`operator request ${request.id}: ${detail}`);
        }
        this.seen = request.id;
      }
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`operator requests: ${String(error)} (trying again)`);
      this.failing = true;
    }
  }
}
