import { Controller, Get, Inject } from '@nestjs/common';
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
import { Public } from '../auth/roles';
import { EventProcessing } from '../event-processing/event-processing.service';

/** Open to everyone: reports whether the store answers and how far each read model lags. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly processing: EventProcessing,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStore()]);
  }

  private async eventStore(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('eventStore');
    try {
      const headPosition = await this.store.headPosition();
      return check.up({ kind: this.db.kind, headPosition, lag: await this.processing.lag() });
    } catch (error) {
      return check.down({ kind: this.db.kind, message: (error as Error).message });
    }
  }
}
