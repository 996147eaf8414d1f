import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Figures read when /metrics is scraped rather than counted as they happen. */
export interface ProcessingFigures {
  /** Events each processor is behind the store's head (store feed; absent on Kafka). */
  lag(): Promise<Record<string, number | string>>;
  /** Events each processor parked as poison. */
  parked(): Promise<Record<string, number>>;
}

/** Labels stay few and bounded: never an id, a URL or anything from a request body. */
const SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LATENESS = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600];

/**
 * Every Homeward metric, on a registry of its own: one per application, so several apps in one
 * process (as in tests) never meet prom-client's "already registered" on the global registry.
 */
@Injectable()
export class HomewardMetrics {
  readonly registry = new Registry();
  private figures: ProcessingFigures | null = null;

  readonly httpRequests = new Counter({
    name: 'homeward_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'homeward_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly notifications = new Counter({
    name: 'homeward_notifications_total',
    help: 'Police notifications by channel (HTTP, KAFKA) and outcome (accepted, duplicate, rejected)',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });
  readonly eventsHandled = new Counter({
    name: 'homeward_processor_events_handled_total',
    help: 'Events each projection or reactor has handled',
    labelNames: ['processor'],
    registers: [this.registry],
  });
  readonly processorBatchDuration = new Histogram({
    name: 'homeward_processor_batch_duration_seconds',
    help: 'Time each projection or reactor took over a batch it handled (failed tries included)',
    labelNames: ['processor'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly policeDlq = new Counter({
    name: 'homeward_police_dlq_messages_total',
    help: 'Police messages sent to the dead-letter topic, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly alarmsArmed = new Counter({
    name: 'homeward_deadline_alarms_armed_total',
    help: 'Deadline wake-ups armed (re-arming counts again), by kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly alarmsFired = new Counter({
    name: 'homeward_deadline_alarms_fired_total',
    help: 'Deadline wake-ups fired, by kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly alarmLateness = new Histogram({
    name: 'homeward_deadline_alarm_lateness_seconds',
    help: 'How long after its time a wake-up fired, by kind',
    labelNames: ['kind'],
    buckets: LATENESS,
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'homeward_events_appended_total',
    help: 'Events written to the event store (duplicates of stored events excluded), by type',
    labelNames: ['type'],
    registers: [this.registry],
  });
  readonly breaches = new Counter({
    name: 'homeward_breaches_raised_total',
    help: 'Return interview deadlines breached (ReturnInterviewDeadlineBreached appended)',
    registers: [this.registry],
  });
  readonly appendDuration = new Histogram({
    name: 'homeward_event_store_append_duration_seconds',
    help: 'Time of one event-store append, by outcome (ok, error)',
    labelNames: ['outcome'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'homeward_webhook_deliveries_total',
    help: 'Alert webhook attempts by target and outcome (delivered, retrying, failed = gave up)',
    labelNames: ['target', 'outcome'],
    registers: [this.registry],
  });

  constructor() {
    const figures = () => this.figures;
    new Gauge({
      name: 'homeward_processor_lag_events',
      help: "Events each processor is behind the store's head (store feed only)",
      labelNames: ['processor'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const lag = await figures()
          ?.lag()
          .catch((): Record<string, number> => ({}));
        for (const [processor, behind] of Object.entries(lag ?? {})) {
          if (typeof behind === 'number') this.set({ processor }, behind);
        }
      },
    });
    new Gauge({
      name: 'homeward_parked_events',
      help: 'Events parked as poison, by processor (re-drive them from hw_dead_letters)',
      labelNames: ['processor'],
      registers: [this.registry],
      async collect() {
        this.reset();
        // A database that does not answer leaves the gauge empty rather than failing the scrape.
        const parked = await figures()
          ?.parked()
          .catch((): Record<string, number> => ({}));
        for (const [processor, count] of Object.entries(parked ?? {})) {
          this.set({ processor }, count);
        }
      },
    });
  }

  /** Event processing says where its lag and parked events are read from. */
  observeProcessing(figures: ProcessingFigures): void {
    this.figures = figures;
  }
}
