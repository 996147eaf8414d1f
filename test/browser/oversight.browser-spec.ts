import type { INestApplication } from '@nestjs/common';
import { api, eventually, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { ConsoleUnderTest } from './console-under-test';

/**
 * The oversight screens in a real browser: the auditor sees the coordinator's read of the
 * interview queue, with the purpose stated, in the audit; the administrator opens the alert
 * deliveries. Neither screen asks a purpose (neither is child-level data).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const PURPOSE = 'browser test: oversight of reads';
const ui = new ConsoleUnderTest({ purpose: PURPOSE, settle: 'heading' });
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

afterAll(() => ui.stop());

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

  it('opens the alert deliveries for the administrator', async () => {
    const ola = await signedInAs('Ola Nowak');
    await ola.getByRole('heading', { name: 'Alert deliveries' }).waitFor();
    await ola
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Alert deliveries' })
      .waitFor();
    // The tests configure no webhook targets: nothing is delivered, so nothing is listed.
    await ola.getByText('There are no deliveries to show.').waitFor({ timeout: 15_000 });
    await ola.getByLabel('Status').selectOption('FAILED');
    await ola.getByRole('button', { name: 'Show deliveries' }).click();
    await ola.getByText('There are no deliveries to show.').waitFor({ timeout: 15_000 });
    await expectAccessible(ola, 'deliveries');

    await ola.getByLabel('Alert ID').fill('not-an-id');
    await ola.getByRole('button', { name: 'Show deliveries' }).click();
    await ola.getByText('Enter the whole alert ID (a UUID).').waitFor();
    await ola.context().close();
  }, 60_000);
});
