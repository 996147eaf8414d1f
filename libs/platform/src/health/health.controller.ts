import {
  Controller,
  Get,
  Headers,
  Inject,
  Optional,
  ServiceUnavailableException,
  type BeforeApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import {
  EVENT_STORE,
  SQL_DATABASE,
  type EventStore,
  type SqlDatabase,
} from '@homeward/event-store';
import { MESSAGE_BUS, type MessageBus } from '@homeward/messaging';
import { SCHEDULER, type Scheduler } from '@homeward/scheduler';
import { Public } from '../auth/roles';
import { TOKEN_VERIFIER, type TokenVerifier } from '../auth/token-verifier';
import { HOMEWARD_CONFIG, type HomewardConfig } from '../config/homeward-config';
import { EventProcessing } from '../event-processing/event-processing.service';
import type { Liveness } from './liveness.response';

/**
 * Open to everyone. `/health` is readiness: `{ status }`, and with an `admin` token each
 * dependency this service uses, checked live (the details name brokers and processors: not for
 * everyone); 503 from the moment the application starts shutting down (the first of Nest's close hooks),
 * while it still answers, so a load balancer stops sending work before the server closes.
 * `/health/live` only says the process answers: no dependency is asked, so a database outage
 * never gets a live process restarted.
 */
@Controller('health')
export class HealthController implements OnModuleDestroy, BeforeApplicationShutdown {
  private shuttingDown = false;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly processing: EventProcessing,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(SCHEDULER) private readonly scheduler: Scheduler,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
    @Optional() @Inject(MESSAGE_BUS) private readonly bus: MessageBus | null,
  ) {}

  onModuleDestroy(): void {
    this.shuttingDown = true;
  }

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  /**
   * Readiness: 200 while every dependency checked live is up, 503 otherwise. Only `{ status }`
   * unless the caller's token has the `admin` role: then every check, and why one is down.
   */
  @Get()
  @Public()
  @HealthCheck()
  async ready(@Headers('authorization') authorization?: string) {
    const detailed = await this.isAdmin(authorization);
    try {
      const result = await this.check();
      return detailed ? result : { status: result.status };
    } catch (error) {
      if (detailed || !(error instanceof ServiceUnavailableException)) throw error;
      throw new ServiceUnavailableException({ status: 'error' });
    }
  }

  /** A valid bearer token with the admin role; anything else (none, bad, another role) is not. */
  private async isAdmin(authorization: string | undefined): Promise<boolean> {
    const [scheme, token] = (authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) return false;
    try {
      return (await this.tokens.verify(token)).roles.includes('admin');
    } catch {
      return false;
    }
  }

  private check() {
    const checks = [
      () =>
        this.shuttingDown
          ? this.indicator.check('lifecycle').down({ message: 'shutting down' })
          : this.indicator.check('lifecycle').up({ state: 'running' }),
      () =>
        this.probe('eventStore', async () => ({
          kind: this.config.eventStore.kind === 'sql' ? this.db.kind : 'kurrentdb',
          headPosition: await this.store.headPosition(),
        })),
      () =>
        this.probe('database', async () => {
          await this.db.query('SELECT 1');
          return { kind: this.db.kind };
        }),
      () =>
        this.probe('eventProcessing', async () => ({
          feed: this.config.eventFeed,
          processors: await this.processing.status(),
          // Poison events parked per processor: still ready, but someone must look at them.
          parked: await this.processing.parked(),
        })),
      () =>
        this.probe('scheduler', async () => {
          await this.scheduler.ping?.();
          return { kind: this.config.scheduler.kind };
        }),
    ];
    if (this.bus) {
      checks.push(() =>
        this.probe('kafka', async () => {
          await this.bus!.ping();
          return { brokers: this.config.kafka?.brokers.join(',') };
        }),
      );
    }
    return this.health.check(checks);
  }

  /** Liveness: the process answers (no dependency is asked). */
  @Get('live')
  @Public()
  live(): Liveness {
    return { status: 'ok', service: this.config.service };
  }

  /**
   * Up with what `check` returns, or down with why. A dependency that hangs rather than refuses
   * (a partition, a server stopped with SIGSTOP) is down too once `PROBE_TIMEOUT_MS` has passed:
   * readiness must answer, and answer 503, while it lasts.
   */
  private async probe(
    key: string,
    check: () => Promise<Record<string, unknown>>,
  ): Promise<HealthIndicatorResult> {
    const indicator = this.indicator.check(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
        PROBE_TIMEOUT_MS,
      );
    });
    try {
      return indicator.up(await Promise.race([check(), timeout]));
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}

const PROBE_TIMEOUT_MS = 3_000;
