import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { configureHttp, type HomewardConfig, type WebhookTarget } from '@homeward/platform';
import { HomewardModule } from '../../apps/homeward/src/app.module';
import { AlertDeliveryModule } from '../../libs/safeguarding/src/alert-delivery/alert-delivery.module';
import { AlertDeliveries } from '../../libs/safeguarding/src/alert-delivery/alert-deliveries.service';
import type { AlertDocument } from '../../libs/safeguarding/src/alert-delivery/alert-document';
import type { DeliveryRecord } from '../../libs/safeguarding/src/alert-delivery/delivery-records';
import { deliveryJobId } from '../../libs/safeguarding/src/alert-delivery/webhook-targets';
import { verifyHomewardSignature } from '../../libs/safeguarding/src/alert-delivery/webhook-signature';
import { api, eventually, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { freshPostgresDatabase } from '../support/postgres';
import { TEST_KAFKA_BROKERS, readTopic, requireKafka } from '../support/servers';
import { isolatedRedis } from '../support/isolated-redis';

/**
 * Alerts leave Homeward: signed webhooks retried on BullMQ (real Redis, in a logical database of
 * its own) to a local receiver that fails before it accepts, delivery state in PostgreSQL, a
 * target that always fails ending FAILED and re-driven, and every alert on Kafka.
 */

const NOTIFICATIONS = '/api/v1/police/notifications';
const DELIVERIES = '/api/v1/alerts/deliveries';
const HOUR_MS = 3600_000;
const ATTEMPTS = 5;
const police = `Bearer ${tokenFor('police-system')}`;
const manager = `Bearer ${tokenFor('safeguarding-manager')}`;
const worker = `Bearer ${tokenFor('ri-worker')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR_MS).toISOString();

/** What the receiver saw: every request, and what its handler got once deduped by alert id. */
interface Received {
  path: string;
  alertId: string;
  timestamp: string;
  signature: string;
  body: string;
  status: number;
}

class Receiver {
  readonly requests: Received[] = [];
  /** The receiver's handler, per path: called once per alert id, however often it arrives. */
  readonly handled = new Map<string, AlertDocument[]>();
  brokenFixed = false;
  private readonly tries = new Map<string, number>();
  private server!: Server;
  port = 0;

  constructor(private readonly secrets: Record<string, string>) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    const alertId = String(req.headers['x-homeward-alert-id'] ?? '');
    const timestamp = String(req.headers['x-homeward-timestamp'] ?? '');
    const signature = String(req.headers['x-homeward-signature'] ?? '');
    const key = `${path} ${alertId}`;
    const tries = (this.tries.get(key) ?? 0) + 1;
    this.tries.set(key, tries);
    let status = 200;
    if (path === '/ok' && tries <= 2) status = 500;
    else if (path === '/broken' && !this.brokenFixed) status = 503;
    else if (
      req.method !== 'POST' ||
      req.headers['content-type'] !== 'application/json' ||
      !verifyHomewardSignature(this.secrets[path] ?? '', timestamp, body, signature)
    ) {
      status = 401;
    } else {
      const doc = JSON.parse(body) as AlertDocument;
      const seen = this.handled.get(path) ?? [];
      if (!seen.some((d) => d.alertId === doc.alertId)) seen.push(doc);
      this.handled.set(path, seen);
    }
    this.requests.push({ path, alertId, timestamp, signature, body, status });
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'no');
  }
}

/** The embedded Homeward with the alert-delivery module, short retries for the test. */
@Module({})
class AlertDeliveryTestApp {
  static forRoot(config: HomewardConfig): DynamicModule {
    return {
      module: AlertDeliveryTestApp,
      imports: [
        HomewardModule.forRoot(config, {
          alertDelivery: AlertDeliveryModule.withSettings({
            attempts: ATTEMPTS,
            backoffBaseMs: 200,
            backoffMaxMs: 800,
            requestTimeoutMs: 3000,
          }),
        }),
      ],
    };
  }
}

async function start(config: HomewardConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AlertDeliveryTestApp.forRoot(config), {
    bodyParser: false,
    logger: ['error'],
    abortOnError: false,
  });
  configureHttp(app);
  await app.init();
  return app;
}

describe('alert delivery: signed webhooks (BullMQ, PostgreSQL) and Kafka safeguarding.alerts.v1', () => {
  const secrets = {
    '/ok': 'ok-target-secret-'.padEnd(40, 'k'),
    '/broken': 'broken-target-secret-'.padEnd(40, 'b'),
  };
  const receiver = new Receiver(secrets);
  const namespace = `it-alerts-${randomUUID().slice(0, 8)}`;
  let redis: Redis;
  let app: INestApplication;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await requireKafka();
    const isolated = await isolatedRedis();
    redis = isolated.client;
    await receiver.start();
    const db = await freshPostgresDatabase();
    drop = db.drop;
    const target = (name: string, path: '/ok' | '/broken'): WebhookTarget => ({
      name,
      url: `http://127.0.0.1:${receiver.port}${path}`,
      audiences: ['SAFEGUARDING_MANAGER'],
      localAuthorities: null,
      secret: secrets[path],
    });
    app = await start(
      testConfig(
        { kind: 'postgres', url: db.url },
        {
          scheduler: { kind: 'bullmq', redisUrl: isolated.url },
          kafka: {
            brokers: TEST_KAFKA_BROKERS.split(','),
            clientId: 'homeward-alert-delivery-test',
            namespace,
          },
          webhooks: [
            target('managers', '/ok'),
            target('managers-broken', '/broken'),
            // Another audience: never sent an RI_OVERDUE alert.
            {
              ...target('walsall-social-care', '/ok'),
              audiences: ['SOCIAL_CARE'],
              localAuthorities: ['Walsall'],
            },
          ],
        },
      ),
    );
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await receiver.stop();
    await drop?.();
    if (redis) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', 'homeward:*', 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.unlink(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    }
  });

  const deliveries = async (query: string): Promise<DeliveryRecord[]> =>
    (await api(app).get(`${DELIVERIES}${query}`).set('Authorization', manager).expect(200))
      .body as DeliveryRecord[];

  /** A return notified 80 hours after it happened: the interview is overdue from the start. */
  async function lateReturn(): Promise<{ childId: string; alertId: string }> {
    const missing = missingReported({ occurredAt: hoursAgo(100) });
    const accepted = await api(app)
      .post(NOTIFICATIONS)
      .set('Authorization', police)
      .send(missing)
      .expect(202);
    const childId = accepted.body.childId as string;
    await api(app)
      .post(NOTIFICATIONS)
      .set('Authorization', police)
      .send(childFound(missing, { occurredAt: hoursAgo(80), returnedAt: hoursAgo(80) }))
      .expect(202);
    const alert = await eventually(async () => {
      const alerts = (
        await api(app)
          .get(`/api/v1/alerts?childId=${childId}&type=RI_OVERDUE`)
          .set('Authorization', manager)
          .expect(200)
      ).body as Array<{ alertId: string; audience: string }>;
      if (alerts.length === 0) throw new Error('no RI_OVERDUE alert yet');
      return alerts[0];
    }, 15_000);
    expect(alert.audience).toBe('SAFEGUARDING_MANAGER');
    return { childId, alertId: alert.alertId };
  }

  it('delivers every alert once per target after retries, keeps failures, re-drives them, and publishes to Kafka', async () => {
    const raised = [await lateReturn(), await lateReturn()];
    const alertIds = raised.map((r) => r.alertId).sort();

    // The receiver that fails twice per alert: delivered on the third attempt, each exactly once.
    const delivered = await eventually(async () => {
      const rows = await deliveries('?status=DELIVERED&target=managers');
      expect(rows.map((r) => r.alertId).sort()).toEqual(alertIds);
      return rows;
    }, 20_000);
    for (const row of delivered) {
      expect(row).toMatchObject({
        status: 'DELIVERED',
        attempts: 3,
        audience: 'SAFEGUARDING_MANAGER',
      });
      expect(row.attempts).toBeGreaterThanOrEqual(3);
      expect(row.lastError).toMatch(/^HTTP 500/);
      expect(row.deliveredAt).not.toBeNull();
    }
    const handled = receiver.handled.get('/ok') ?? [];
    expect(handled.map((d) => d.alertId).sort()).toEqual(alertIds);
    for (const doc of handled) {
      const { childId } = raised.find((r) => r.alertId === doc.alertId)!;
      expect(doc).toMatchObject({ type: 'RI_OVERDUE', audience: 'SAFEGUARDING_MANAGER', childId });
      expect(Object.keys(doc).sort()).toEqual(
        [
          'acknowledgeBy',
          'alertId',
          'audience',
          'childId',
          'dueBy',
          'localAuthority',
          'raisedAt',
          'reasons',
          'type',
        ].sort(),
      );
    }
    for (const alertId of alertIds) {
      const toOk = receiver.requests.filter((r) => r.path === '/ok' && r.alertId === alertId);
      expect(toOk.map((r) => r.status)).toEqual([500, 500, 200]);
    }
    // Every request was signed with its target's secret, over the very bytes sent.
    for (const r of receiver.requests) {
      expect(
        verifyHomewardSignature(secrets[r.path as '/ok'], r.timestamp, r.body, r.signature),
      ).toBe(true);
    }
    // The social care target takes no RI_OVERDUE alert.
    expect((await deliveries('?target=walsall-social-care')).length).toBe(0);

    // Raised again (a replay, a redelivered event): nothing is queued or sent twice.
    const toOk = () => receiver.requests.filter((r) => r.path === '/ok').length;
    const before = toOk();
    expect(before).toBe(3 * alertIds.length);
    const service = app.get(AlertDeliveries, { strict: false });
    await service.deliver(handled[0]);
    await service.deliver(handled[0]);
    await sleep(1_000);
    expect(toOk()).toBe(before);

    // The target that always fails: FAILED after its attempts, listed, the job kept in Redis.
    const failed = await eventually(async () => {
      const rows = await deliveries('?status=FAILED');
      expect(rows.map((r) => r.alertId).sort()).toEqual(alertIds);
      return rows;
    }, 20_000);
    for (const row of failed) {
      expect(row).toMatchObject({
        target: 'managers-broken',
        status: 'FAILED',
        attempts: ATTEMPTS,
      });
      expect(row.lastError).toMatch(/^HTTP 503/);
      expect(
        await redis.zscore(
          'homeward:homeward-alert-deliveries:failed',
          deliveryJobId(row.alertId, row.target),
        ),
      ).not.toBeNull();
    }
    await api(app).get(`${DELIVERIES}?status=FAILED`).set('Authorization', worker).expect(403);
    await api(app).get(`${DELIVERIES}?status=LOST`).set('Authorization', manager).expect(400);

    // Fixed, then re-driven: delivered, once each; nothing left to re-drive.
    receiver.brokenFixed = true;
    const redrive = await api(app)
      .post(`${DELIVERIES}/redrive`)
      .set('Authorization', manager)
      .send({ target: 'managers-broken' })
      .expect(200);
    expect(
      (redrive.body as { requeued: Array<{ alertId: string; target: string }> }).requeued
        .map((r) => `${r.alertId} ${r.target}`)
        .sort(),
    ).toEqual(alertIds.map((id) => `${id} managers-broken`));
    await eventually(async () => {
      const rows = await deliveries('?status=DELIVERED&target=managers-broken');
      expect(rows.map((r) => r.alertId).sort()).toEqual(alertIds);
      for (const row of rows) expect(row.attempts).toBe(ATTEMPTS + 1);
    }, 15_000);
    expect((receiver.handled.get('/broken') ?? []).map((d) => d.alertId).sort()).toEqual(alertIds);
    expect(await deliveries('?status=FAILED')).toEqual([]);
    const again = await api(app)
      .post(`${DELIVERIES}/redrive`)
      .set('Authorization', manager)
      .send({})
      .expect(200);
    expect(again.body).toEqual({ requeued: [] });

    // And on Kafka, keyed by child id, with the alert's id, type and audience in headers.
    const seen = await readTopic(`${namespace}.safeguarding.alerts.v1`, (messages) =>
      alertIds.every((id) => messages.some((m) => m.headers['alert-id'] === id)),
    );
    for (const { alertId, childId } of raised) {
      const messages = seen.filter((m) => m.headers['alert-id'] === alertId);
      expect(messages.length).toBeGreaterThanOrEqual(1);
      expect(messages[0]).toMatchObject({
        key: childId,
        headers: {
          'alert-id': alertId,
          'alert-type': 'RI_OVERDUE',
          audience: 'SAFEGUARDING_MANAGER',
          'content-type': 'application/json',
        },
      });
      expect(JSON.parse(messages[0].value)).toMatchObject({ alertId, childId, type: 'RI_OVERDUE' });
    }
  }, 120_000);
});
