import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { api, eventually, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { ConsoleUnderTest } from './console-under-test';

/**
 * Social care's referrals, the safeguarding manager's alerts, deadlines dashboard and board
 * figures, in a real browser over the embedded Homeward; the cases are set up through the API.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const ui = new ConsoleUnderTest({
  purpose: 'browser test: safeguarding work',
  settle: 'heading',
  context: { acceptDownloads: true },
});
const { signedInAs, visit, expectAccessible } = ui;
let app: INestApplication;

const walsall = { localAuthorities: ['Walsall'] };
const police = `Bearer ${tokenFor('police-system')}`;
const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann', walsall)}`;
const worker = `Bearer ${tokenFor('ri-worker', undefined, 'worker-amy', walsall)}`;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const post = (path: string, as: string, body: object) =>
  api(app).post(path).set('Authorization', as).send(body);

beforeAll(async () => {
  await ui.start();
  ({ app } = ui);
}, 120_000);

afterAll(() => ui.stop());

/** A Walsall child reported and found; returns the child and the scheduled interview. */
async function reportAndFind(
  found: Record<string, unknown> = {},
  missing: Record<string, unknown> = {},
) {
  const report = missingReported(missing);
  const childId = (await post('/api/v1/police/notifications', police, report).expect(202)).body
    .childId as string;
  await post('/api/v1/police/notifications', police, childFound(report, found)).expect(202);
  const interview = await eventually(async () => {
    const res = await api(app)
      .get('/api/v1/interviews')
      .set('Authorization', coordinator)
      .expect(200);
    const item = (res.body as Json[]).find((i) => i.childId === childId);
    if (!item) throw new Error('interview not scheduled yet');
    return item;
  }, 20_000);
  return { childId, interviewId: interview.interviewId as string };
}

/** The interview held with a SIGNIFICANT screening: social care's referral is raised. */
async function holdWithSignificantScreening(interviewId: string) {
  const url = `/api/v1/interviews/${interviewId}`;
  await post(`${url}/allocate`, coordinator, { workerId: 'worker-amy' }).expect(200);
  const held = await post(`${url}/complete`, worker, {
    conductedAt: hoursAgo(0.5),
    screening: {
      significant: [{ code: 'HOTELS_TAXIS_FAST_FOOD', when: 'CURRENT' }],
      medium: ['ALCOHOL_MISUSE'],
      vulnerabilities: ['HISTORY_OF_CARE'],
    },
    locationsVisited: [{ description: 'Hotel, city centre', postcode: 'B1 1AA' }],
    associates: [{ name: 'Adult male, about 30', relationship: 'gave lifts' }],
    pushFactors: 'Arguments at the placement',
    pullFactors: 'Lifts and gifts',
    childsVoice: 'They were nice to me at first',
    disclosures: 'None today',
  }).expect(200);
  expect(held.body.screening.confirmed).toBe('SIGNIFICANT');
}

describe('the safeguarding screens', () => {
  it('shows social care a referral as it is raised, and records the decision', async () => {
    const sam = await signedInAs('Sam Patel');
    await sam.getByRole('heading', { name: 'Referrals due a decision' }).waitFor();
    await sam.getByText('There are no referrals to show.').waitFor();

    const { childId, interviewId } = await reportAndFind();
    await holdWithSignificantScreening(interviewId);

    // Arrives without a reload: the page listens to the live updates.
    const row = sam.locator('tr', { hasText: `Child ${childId.slice(0, 8)}` });
    await row.waitFor({ timeout: 20_000 });
    await row.getByText(/Decision (due|overdue)/).waitFor();
    await expect(row.textContent()).resolves.toMatch(/Open/);
    await expectAccessible(sam, 'social-care-referrals');

    // A note is required.
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await row
      .getByRole('alert')
      .getByText(/Write a note/)
      .waitFor();
    await row.getByLabel(/Note for alert/).fill('Referral accepted: strategy discussion booked');
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await row.getByText(/Acknowledged by sw-sam/).waitFor({ timeout: 15_000 });
    await expectAccessible(sam, 'social-care-referral-acknowledged');
    await sam.context().close();
  }, 90_000);

  it('shows the manager a breach arrive on the dashboard, and acknowledges an alert', async () => {
    const sue = await signedInAs('Sue Harris');
    await sue.getByRole('heading', { name: 'Alerts' }).waitFor();
    await visit(sue, '/dashboard');
    await sue.getByRole('heading', { name: 'Return interview deadlines' }).waitFor();
    const breached = sue.getByTestId('breached');
    await breached.waitFor();
    const before = Number(await breached.textContent());

    // Found more than 72 hours after coming back: breached at once.
    const late = await reportAndFind(
      { occurredAt: hoursAgo(80), returnedAt: hoursAgo(80) },
      { occurredAt: hoursAgo(100) },
    );
    await sue
      .getByTestId('breached')
      .getByText(String(before + 1), { exact: true })
      .waitFor({ timeout: 20_000 });
    await sue.getByTestId('chart-open-interviews').locator('svg[role="img"]').waitFor();
    await expectAccessible(sue, 'manager-dashboard');

    await visit(sue, '/alerts');
    await sue.getByLabel('Status').selectOption('OPEN');
    const row = sue
      .locator('tr', { hasText: `Child ${late.childId.slice(0, 8)}` })
      .filter({ hasText: 'Return interview overdue' })
      .first();
    await row.waitFor({ timeout: 20_000 });
    await expectAccessible(sue, 'manager-alerts');
    await row.getByLabel(/Note for alert/).fill('Coordinator asked to offer the interview today');
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await sue
      .getByRole('status')
      .getByText(/acknowledged/)
      .waitFor({ timeout: 15_000 });
    await sue.getByLabel('Status').selectOption('ACKNOWLEDGED');
    await sue
      .locator('tr', { hasText: `Child ${late.childId.slice(0, 8)}` })
      .getByText(/Acknowledged by manager-sue/)
      .first()
      .waitFor({ timeout: 15_000 });
    await sue.context().close();
  }, 90_000);

  it("shows the board's figures for this year and downloads the SSDA903 Missing table", async () => {
    const sue = await signedInAs('Sue Harris');
    await visit(sue, '/board');
    await sue.getByRole('heading', { name: 'Board figures' }).waitFor();
    const year = new Date().getFullYear();
    await sue.getByLabel(/^From/).fill(`${year}-01-01`);
    await sue.getByLabel(/^To/).fill(`${year}-12-31`);
    await sue.getByRole('button', { name: 'Show figures' }).click();
    await sue
      .getByRole('heading', { name: `Figures from ${year}-01-01 to ${year}-12-31, Walsall` })
      .waitFor({
        timeout: 15_000,
      });
    const episodes = sue.getByTestId('chart-episodes');
    const total = episodes.locator('tr', { hasText: 'All episodes' }).locator('td');
    expect(Number(await total.textContent())).toBeGreaterThanOrEqual(1);
    await expectAccessible(sue, 'manager-board');

    const [download] = await Promise.all([
      sue.waitForEvent('download'),
      sue.getByRole('button', { name: 'Download SSDA903 Missing table (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ssda903-missing-${year}-01-01-${year}-12-31.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThanOrEqual(2); // a header and the looked-after children's episodes
    await sue
      .getByRole('status')
      .getByText(/Downloaded ssda903-missing/)
      .waitFor();
    await sue.context().close();
  }, 90_000);
});
