import type { INestApplication } from '@nestjs/common';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlertDeliveryModule } from '../../libs/safeguarding/src/alert-delivery/alert-delivery.module';
import { api, eventually, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { ConsoleUnderTest } from './console-under-test';

/**
 * The oversight screens in a real browser: the auditor sees the coordinator's read of the
 * interview queue, with the purpose stated, in the audit; the administrator sees a webhook
 * delivery that failed and queues it again. Neither screen asks a purpose (neither is child-level data).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const PURPOSE = 'browser test: oversight of reads';
const TARGET = 'walsall-social-care';
const ATTEMPTS = 2;

/** Walsall's webhook receiver: down (503) until the test brings it back. */
const receiver = {
  failing: true,
  received: [] as string[],
  server: createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (receiver.failing) return void res.writeHead(503).end();
      receiver.received.push(String(req.headers['x-homeward-alert-id']));
      res.writeHead(200).end();
    });
  }),
};
const receiverPort = new Promise<number>((resolve) =>
  receiver.server.listen(0, '127.0.0.1', () =>
    resolve((receiver.server.address() as AddressInfo).port),
  ),
);

const ui = new ConsoleUnderTest({
  purpose: PURPOSE,
  settle: 'heading',
  // Short retries: a delivery runs out of attempts within the test.
  modules: {
    alertDelivery: AlertDeliveryModule.withSettings({
      attempts: ATTEMPTS,
      backoffBaseMs: 100,
      backoffMaxMs: 200,
      requestTimeoutMs: 2000,
    }),
  },
  config: async () => ({
    webhooks: [
      {
        name: TARGET,
        url: `http://127.0.0.1:${await receiverPort}/alerts`,
        audiences: ['RESPONSIBLE_LA'],
        localAuthorities: ['Walsall'],
        secret: 'a webhook secret of at least 32 characters',
      },
    ],
  }),
});
const { signedInAs, expectAccessible } = ui;
let app: INestApplication;

const police = `Bearer ${tokenFor('police-system')}`;
const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann', {
  localAuthorities: ['Walsall'],
})}`;
let interviewId: string;

beforeAll(async () => {
  await ui.start();
  ({ app } = ui);
  const missing = missingReported();
  await api(app)
    .post('/api/v1/police/notifications')
    .set('Authorization', police)
    .send(missing)
    .expect(202);
  await api(app)
    .post('/api/v1/police/notifications')
    .set('Authorization', police)
    .send(childFound(missing))
    .expect(202);
  interviewId = await eventually(async () => {
    const res = await api(app)
      .get('/api/v1/interviews')
      .set('Authorization', coordinator)
      .set('X-Purpose', 'browser test set-up')
      .expect(200);
    const item = (res.body as Json[])[0];
    if (!item) throw new Error('no interview scheduled yet');
    return item.interviewId as string;
  }, 30_000);
}, 120_000);

afterAll(async () => {
  await ui.stop();
  receiver.server.closeAllConnections();
  await new Promise((resolve) => receiver.server.close(resolve));
});

const admin = `Bearer ${tokenFor('admin', undefined, 'admin-ola')}`;
async function deliveries(status: string): Promise<Json[]> {
  const res = await api(app)
    .get(`/api/v1/alerts/deliveries?status=${status}`)
    .set('Authorization', admin)
    .expect(200);
  return res.body as Json[];
}

describe('the oversight screens', () => {
  it("shows the auditor the coordinator's read of the queue with its purpose", async () => {
    const ann = await signedInAs('Ann Carter');
    await ann.getByRole('heading', { name: 'Interview queue' }).waitFor();
    await ann.getByTestId(`interview-${interviewId}`).waitFor({ timeout: 15_000 });
    await ann.context().close();

    const ida = await signedInAs('Ida Byrne');
    await ida.getByRole('heading', { name: 'Audit of reads and disclosures' }).waitFor();
    // No purpose asked of the auditor: the audit is not child-level data.
    await expect(ida.getByLabel(/Why are you looking/).count()).resolves.toBe(0);
    await ida.getByLabel('User ID').fill('coordinator-ann');
    const table = ida.getByRole('table', { name: /Audit entries/ });
    const read = table
      .getByRole('row')
      .filter({ hasText: 'GET /api/v1/interviews' })
      .filter({ hasText: PURPOSE });
    await eventually(async () => {
      await ida.getByRole('button', { name: 'Show entries' }).click();
      await read.first().waitFor({ timeout: 2_000 });
    }, 20_000);
    await expect(read.first().textContent()).resolves.toMatch(/coordinator-ann/);
    await expectAccessible(ida, 'audit');

    // A filter the API would refuse is named beside its field.
    await ida.getByLabel('Recorded from').fill('2026-11-20T10:00:00');
    await ida.getByLabel('Recorded before').fill('2026-11-20T09:00:00');
    await ida.getByRole('button', { name: 'Show entries' }).click();
    await ida.getByText('Must be after the "from" time.').waitFor();
    await expect(ida.getByLabel('Recorded before').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await ida.context().close();
  }, 90_000);

  it('shows the administrator a failed delivery, and queues it again once the receiver is back', async () => {
    const ola = await signedInAs('Ola Nowak');
    await ola.getByRole('heading', { name: 'Alert deliveries' }).waitFor();
    await ola
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Alert deliveries' })
      .waitFor();
    // A Walsall child placed in Sandwell: an OUT_OF_AREA alert for Walsall, whose receiver is down.
    const placed = missingReported({
      child: { ...missingReported().child, placementLocalAuthority: 'Sandwell' },
    });
    await api(app)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(placed)
      .expect(202);
    const alertId = await eventually(async () => {
      const failed = await deliveries('FAILED');
      // The administrator sees no child data (no childId): the alert is known by its type.
      const delivery = failed.find((d) => d.alertType === 'OUT_OF_AREA');
      if (!delivery) throw new Error('no delivery has failed yet');
      expect(delivery.childId).toBeNull();
      return delivery.alertId as string;
    }, 30_000);
    const row = ola.getByTestId(`delivery-${alertId}-${TARGET}`);

    await ola.getByLabel('Status').selectOption('FAILED');
    await ola.getByRole('button', { name: 'Show deliveries' }).click();
    await expect(row.textContent()).resolves.toMatch(/Failed.*answered 503/);
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe(String(ATTEMPTS));
    await expectAccessible(ola, 'deliveries');

    receiver.failing = false;
    await row.getByRole('button', { name: /^Queue again alert/ }).click();
    await ola
      .getByRole('status')
      .getByText(/1 failed delivery .* queued again\./)
      .waitFor();
    await eventually(async () => {
      const delivered = await deliveries('DELIVERED');
      if (!delivered.some((d) => d.alertId === alertId)) throw new Error('not delivered yet');
    }, 30_000);
    await ola.getByLabel('Status').selectOption('DELIVERED');
    await ola.getByRole('button', { name: 'Show deliveries' }).click();
    await expect(row.getByRole('cell').nth(2).textContent()).resolves.toMatch(/^Delivered/);
    expect(receiver.received.some((id) => id === alertId)).toBe(true);

    await ola.getByLabel('Alert ID').fill('not-an-id');
    await ola.getByRole('button', { name: 'Show deliveries' }).click();
    await ola.getByText('Enter the whole alert ID (a UUID).').waitFor();
    await ola.context().close();
  }, 90_000);
});
