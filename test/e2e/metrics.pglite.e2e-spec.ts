import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import { PoliceNotificationConsumer } from '../../libs/intake/src/police-topic/police-notification.consumer';
import type { BusMessage, ConsumedMessage, ConsumerOptions, MessageBus } from '@homeward/messaging';
import { EventProcessing, HomewardMetrics } from '@homeward/platform';
import { HealthController } from '../../libs/platform/src/health/health.controller';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';

const NOTIFICATIONS = '/api/v1/police/notifications';
const dataDir = mkdtempSync(join(tmpdir(), 'homeward-metrics-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** One sample of the Prometheus text: the value of `name` with exactly these labels (0 if none). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const got = (match[2] ?? '').split(',').filter(Boolean).sort().join(',');
    if (got === wanted) return Number(match[3]);
  }
  return 0;
}

/** The sum of every sample of `name` whose labels include these. */
function total(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => wanted.every((w) => line.includes(w)))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

describe('GET /metrics on a server bound to loopback', () => {
  let app: INestApplication;
  const police = tokenFor('police-system');
  const scrape = async () => (await api(app).get('/metrics').expect(200)).text;

  beforeAll(async () => {
    app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
  }, 90_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows the figures moving as notifications flow', async () => {
    const before = await scrape();
    const send = (body: unknown) =>
      api(app)
        .post(NOTIFICATIONS)
        .set('Authorization', `Bearer ${police}`)
        .send(body as object);
    const first = missingReported();
    await send(first).expect(202);
    await send(missingReported()).expect(202);
    await send(first).expect(200);
    // Found: a return interview is scheduled, and its deadline armed.
    await send(childFound(first)).expect(202);
    await send({ ...missingReported(), riskLevel: 'VERY' }).expect(400);
    await api(app).post(NOTIFICATIONS).send(first).expect(401);
    const processing = app.get(EventProcessing);
    await processing.waitForAll(await app.get<EventStore>(EVENT_STORE).headPosition());

    const after = await eventually(async () => {
      const text = await scrape();
      // Reactors append after the projections: wait until the interview's deadline is armed.
      expect(
        total(text, 'homeward_deadline_alarms_armed_total') -
          total(before, 'homeward_deadline_alarms_armed_total'),
      ).toBeGreaterThanOrEqual(1);
      return text;
    });
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);

    expect(moved('homeward_notifications_total', { channel: 'HTTP', outcome: 'accepted' })).toBe(3);
    expect(moved('homeward_notifications_total', { channel: 'HTTP', outcome: 'duplicate' })).toBe(
      1,
    );
    expect(moved('homeward_notifications_total', { channel: 'HTTP', outcome: 'rejected' })).toBe(1);
    const route = { method: 'POST', route: NOTIFICATIONS };
    expect(moved('homeward_http_requests_total', { ...route, status: '202' })).toBe(3);
    expect(moved('homeward_http_requests_total', { ...route, status: '200' })).toBe(1);
    expect(moved('homeward_http_requests_total', { ...route, status: '400' })).toBe(1);
    expect(moved('homeward_http_requests_total', { ...route, status: '401' })).toBe(1);
    expect(moved('homeward_http_request_duration_seconds_count', { ...route, status: '202' })).toBe(
      3,
    );
    // The route pattern labels a request, never its URL: one label for every child.
    expect(after).not.toMatch(/route="\/api\/v1\/children\/[^:]/);
    const handled = (processor: string) =>
      moved('homeward_processor_events_handled_total', { processor });
    // Two missing reports and one found: the return interview offer takes all three.
    expect(handled('interviews.return-interview-scheduler')).toBe(3);
    // Where the time goes: every batch a processor handled is timed.
    expect(
      moved('homeward_processor_batch_duration_seconds_count', {
        processor: 'interviews.return-interview-scheduler',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(moved('homeward_event_store_append_duration_seconds_count', { outcome: 'ok' })).toBe(
      total(after, 'homeward_event_store_append_duration_seconds_count') -
        total(before, 'homeward_event_store_append_duration_seconds_count'),
    );
    expect(
      moved('homeward_event_store_append_duration_seconds_count', { outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(3);
    expect(moved('homeward_events_appended_total', { type: 'MissingEpisodeReported' })).toBe(2);
    expect(after).toMatch(/^homeward_processor_lag_events\{processor="[^"]+"\} 0$/m);
    expect(after).toContain('# TYPE homeward_parked_events gauge');
    expect(after).toContain('homeward_process_resident_memory_bytes');
  });

  it('answers a body the parser refuses with a request id, and counts it', async () => {
    const before = sample(await scrape(), 'homeward_http_requests_total', {
      method: 'POST',
      route: '(unmatched)',
      status: '400',
    });
    const res = await api(app)
      .post(NOTIFICATIONS)
      .set('Authorization', `Bearer ${police}`)
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'bad-json-1')
      .send('{"type": ')
      .expect(400);
    expect(res.headers['x-request-id']).toBe('bad-json-1');
    expect(res.body.errors[0].field).toBe('(body)');
    const after = sample(await scrape(), 'homeward_http_requests_total', {
      method: 'POST',
      route: '(unmatched)',
      status: '400',
    });
    expect(after - before).toBe(1);
  });

  it('counts police messages from Kafka by outcome, and those sent to the DLQ by reason', async () => {
    const metrics = app.get(HomewardMetrics);
    let handle: ConsumerOptions['handle'] = async () => undefined;
    const bus = {
      consume: async (o: ConsumerOptions) => {
        handle = o.handle;
        return { joined: Promise.resolve(), stop: async () => undefined };
      },
      publish: async (_topic: string, _messages: BusMessage[]) => undefined,
    } as unknown as MessageBus;
    const commands = { execute: async () => ({ duplicate: false }) } as unknown as CommandBus;
    const consumer = new PoliceNotificationConsumer(
      commands,
      app.get<EventStore>(EVENT_STORE),
      bus,
      metrics,
    );
    await consumer.onApplicationBootstrap();
    const message = (value: string): ConsumedMessage => ({
      topic: 'police.missing-persons.v1',
      partition: 0,
      offset: '1',
      key: 'WMP/MP-1',
      value,
      headers: {},
    });
    const before = await scrape();
    await handle(message(JSON.stringify(missingReported())));
    await handle(message('{ not json'));
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(moved('homeward_notifications_total', { channel: 'KAFKA', outcome: 'accepted' })).toBe(
      1,
    );
    expect(moved('homeward_notifications_total', { channel: 'KAFKA', outcome: 'rejected' })).toBe(
      1,
    );
    expect(moved('homeward_police_dlq_messages_total', { reason: 'MALFORMED' })).toBe(1);
  });

  it('keeps /health/live public and cheap, and makes /health 503 once shutting down', async () => {
    await api(app).get('/health/live').expect(200, { status: 'ok', service: 'all' });
    await api(app).get('/health').expect(200);
    // The first hook of app.close(): from here until the server closes, readiness says no.
    app.get(HealthController).onModuleDestroy();
    await api(app).get('/health').expect(503, { status: 'error' });
    const res = await api(app)
      .get('/health')
      .set('Authorization', `Bearer ${tokenFor('admin')}`)
      .expect(503);
    expect(res.body.error).toMatchObject({
      lifecycle: { status: 'down', message: 'shutting down' },
    });
    await api(app).get('/health/live').expect(200);
  });
});

describe('GET /metrics off loopback', () => {
  const offLoopbackDir = mkdtempSync(join(tmpdir(), 'homeward-metrics-'));
  const config = testConfig(
    { kind: 'pglite', dataDir: offLoopbackDir },
    { host: '0.0.0.0', metrics: { token: null } },
  );
  let app: INestApplication;
  // One app for both cases (a cold start is slow on a loaded machine): access is decided per
  // request from the configuration, so the test sets the token in between.
  beforeAll(async () => {
    app = await startHomeward(config);
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    rmSync(offLoopbackDir, { recursive: true, force: true });
  });

  it('is refused without METRICS_TOKEN', async () => {
    await api(app).get('/metrics').expect(403);
    await api(app).get('/metrics').set('Authorization', 'Bearer anything').expect(403);
  });

  it('needs METRICS_TOKEN as a Bearer token when it is set', async () => {
    config.metrics = { token: 's3cret-metrics-token' };
    await api(app).get('/metrics').expect(401);
    await api(app).get('/metrics').set('Authorization', 'Bearer wrong-token-value').expect(401);
    // A user's JWT is not the metrics token.
    await api(app)
      .get('/metrics')
      .set('Authorization', `Bearer ${tokenFor('safeguarding-manager')}`)
      .expect(401);
    const res = await api(app)
      .get('/metrics')
      .set('Authorization', 'Bearer s3cret-metrics-token')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('# TYPE homeward_http_requests_total counter');
  });
});
