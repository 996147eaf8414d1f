import type { INestApplication } from '@nestjs/common';
import type { Page } from 'playwright-core';
import { api, eventually, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { ConsoleUnderTest } from './console-under-test';

/**
 * The CMOG screens and the child's page in a real browser: a Walsall child whose return
 * interview found SIGNIFICANT risk is on Walsall's agenda with the reason; the member opens the
 * hotspots, the CMOG picture and the action register; the chair opens a meeting; the child's
 * page shows the timeline, the timeline as known at an earlier time, and the associations.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const ui = new ConsoleUnderTest({
  purpose: 'browser test: CMOG meeting',
  // The child's page listens to live updates, so the network is never quiet: wait for headings.
  settle: 'heading',
  context: { timezoneId: 'UTC' },
});
const { signedInAs, statePurposeIfAsked, visit, expectAccessible } = ui;
let app: INestApplication;

const walsall = { localAuthorities: ['Walsall'] };
const police = `Bearer ${tokenFor('police-system')}`;
const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann', walsall)}`;
const worker = `Bearer ${tokenFor('ri-worker', undefined, 'worker-amy', walsall)}`;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const post = (path: string, as: string, body: object) =>
  api(app).post(path).set('Authorization', as).send(body);
const get = (path: string, as: string) => api(app).get(path).set('Authorization', as);

let childId: string;
/** The meeting the chair opens, where the next test records decisions and actions. */
let meetingPath: string;
/** A moment after the missing report was recorded and before the found notification was. */
let beforeFound: Date;

beforeAll(async () => {
  await ui.start();
  ({ app } = ui);

  const missing = missingReported({ occurredAt: hoursAgo(30) });
  childId = (await post('/api/v1/police/notifications', police, missing).expect(202)).body
    .childId as string;
  await sleep(1200);
  beforeFound = new Date(Math.floor(Date.now() / 1000) * 1000);
  await sleep(1200);
  await post('/api/v1/police/notifications', police, childFound(missing)).expect(202);
  const interview = await eventually(async () => {
    const res = await get('/api/v1/interviews', coordinator).expect(200);
    const item = (res.body as Json[]).find((i) => i.childId === childId);
    if (!item) throw new Error('interview not scheduled yet');
    return item;
  });
  const url = `/api/v1/interviews/${interview.interviewId}`;
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
  const cmog = `Bearer ${tokenFor('cmog-member', undefined, 'cmog-kim', walsall)}`;
  await eventually(async () => {
    const res = await get('/api/v1/cmog/agenda?localAuthority=Walsall', cmog)
      .set('X-Purpose', 'browser test set-up')
      .expect(200);
    if (!(res.body.children as Json[]).some((c) => c.childId === childId))
      throw new Error('not on the agenda yet');
  });
}, 120_000);

afterAll(() => ui.stop());

/** Follows a link in the console (the purpose stays for the session). */
async function follow(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('link', { name }).first().click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await statePurposeIfAsked(page);
}

describe('the CMOG screens', () => {
  it("shows a member the child on Walsall's agenda with the reason", async () => {
    const kim = await signedInAs('Kim Walker');
    await kim.getByRole('heading', { name: 'CMOG agenda: Walsall' }).waitFor({ timeout: 15_000 });
    // Sent home from /: the nav marks where she landed.
    await expect(
      kim
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'CMOG' })
        .getAttribute('aria-current'),
    ).resolves.toBe('page');
    const row = kim.getByTestId(`agenda-child-${childId}`);
    await row.waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toMatch(/Listed for CMOG/);
    expect(((await row.locator('td').nth(1).textContent()) ?? '').length).toBeGreaterThan(5);
    await expectAccessible(kim, 'cmog-agenda');

    await follow(kim, 'Hotspots');
    await kim.getByRole('heading', { name: 'Hotspots' }).waitFor();
    await kim.getByRole('table', { name: 'Hotspots' }).waitFor({ timeout: 15_000 });
    await kim.getByRole('img', { name: 'Children seen at each place' }).waitFor();
    await expect(kim.getByRole('table', { name: 'Hotspots' }).textContent()).resolves.toMatch(
      /B1 1AA/,
    );
    await expectAccessible(kim, 'cmog-hotspots');

    await follow(kim, 'CMOG picture');
    await kim.getByRole('heading', { name: 'People of concern' }).waitFor({ timeout: 15_000 });
    await expectAccessible(kim, 'cmog-picture');

    await follow(kim, 'Action register');
    await kim.getByRole('heading', { name: 'Action register' }).waitFor();
    await kim
      .getByText(/There are no actions to show|Action register/)
      .first()
      .waitFor();
    await kim.getByLabel('Show').selectOption('attention');
    await kim.getByText('There are no actions to show.').waitFor({ timeout: 15_000 });
    await expectAccessible(kim, 'cmog-actions');
    await kim.context().close();
  }, 90_000);

  it('lets the chair open a meeting with the agenda as it stood, and record who came', async () => {
    const pat = await signedInAs('Pat Morgan');
    await pat.getByRole('heading', { name: /CMOG agenda/ }).waitFor({ timeout: 15_000 });
    await follow(pat, 'Open a meeting');
    await pat.getByLabel('Date of the meeting').waitFor();
    await expectAccessible(pat, 'cmog-open-meeting');
    await pat.getByRole('button', { name: /Open the meeting/ }).click();
    await pat.getByRole('heading', { name: /CMOG meeting of/ }).waitFor({ timeout: 15_000 });
    await pat.getByRole('link', { name: `Child ${childId.slice(0, 8)}` }).waitFor();
    meetingPath = new URL(pat.url()).pathname;
    await pat.getByLabel('Present').fill('Pat Morgan, Walsall Safeguarding Partnership, Chair');
    await pat.getByLabel('Apologies').fill('Lee Ward, Health');
    await pat.getByRole('button', { name: 'Record the attendance' }).click();
    await pat.getByText('Apologies: Lee Ward, Health').waitFor({ timeout: 15_000 });
    await pat
      .getByLabel('Minutes', { exact: true })
      .fill('Discussed the child and the hotel where she was found.');
    await pat.getByRole('button', { name: 'Add a decision' }).click();
    await pat.getByLabel('Decision 1 is about').selectOption(childId);
    // A decision left empty is refused, and the error stands beside it.
    await pat.getByRole('button', { name: 'Record the minutes' }).click();
    await pat.locator('#decision-0-error').waitFor({ timeout: 15_000 });
    await pat.getByLabel('Decision 1', { exact: true }).fill('Disruption visit to the hotel');
    await pat.getByRole('button', { name: 'Record the minutes' }).click();
    await pat.getByText('Discussed the child and the hotel').waitFor({ timeout: 15_000 });
    await expect(pat.getByTestId('decisions').textContent()).resolves.toMatch(
      new RegExp(`Child ${childId.slice(0, 8)}: Disruption visit to the hotel`),
    );
    await expectAccessible(pat, 'cmog-meeting');
    await pat.context().close();
  }, 60_000);

  it('lets the chair amend the minutes with a reason, and members record, defer and complete an action', async () => {
    const pat = await signedInAs('Pat Morgan');
    await pat.getByRole('heading', { name: /CMOG agenda/ }).waitFor({ timeout: 15_000 });
    await visit(pat, meetingPath);
    await pat.getByTestId('decisions').waitFor({ timeout: 15_000 });
    await pat.locator('summary', { hasText: 'Amend the minutes' }).click();
    await pat
      .getByLabel('Decision 1', { exact: true })
      .fill('Disruption visit to the hotel by Friday');
    await pat.getByLabel('Why the minutes are amended').fill('The date agreed was left out');
    await pat.getByRole('button', { name: 'Amend the minutes' }).click();
    await pat.getByTestId('amendments').getByText('The date agreed was left out').waitFor({
      timeout: 15_000,
    });
    await expect(pat.getByTestId('decisions').textContent()).resolves.toMatch(/by Friday/);
    await pat.context().close();

    const kim = await signedInAs('Kim Walker');
    await kim.getByRole('heading', { name: /CMOG agenda/ }).waitFor({ timeout: 15_000 });
    await visit(kim, meetingPath);
    await kim.getByRole('heading', { name: 'Record an action agreed at this meeting' }).waitFor({
      timeout: 15_000,
    });
    const day = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await kim.getByLabel('About').selectOption(childId);
    await kim.getByLabel('Action', { exact: true }).fill('Visit the hotel with licensing');
    await kim.getByLabel("Owner's agency").fill('West Midlands Police');
    await kim.getByLabel('Due on').fill(day(14));
    await kim.getByLabel('Intended outcome').fill('The hotel staff know the signs and who to call');
    // No owner: refused, and the error stands beside the owner field.
    await kim.getByRole('button', { name: 'Record the action' }).click();
    await kim.locator('#action-owner-error').waitFor({ timeout: 15_000 });
    await kim.getByLabel('Owner', { exact: true }).fill('PC Jo Reed');
    await kim.getByRole('button', { name: 'Record the action' }).click();
    await kim.getByText(/^Action [0-9a-f]{8} recorded, owned by PC Jo Reed\.$/).waitFor({
      timeout: 15_000,
    });
    await kim
      .getByTestId('meeting-actions')
      .getByText(/Visit the hotel with licensing/)
      .waitFor({
        timeout: 15_000,
      });
    await expectAccessible(kim, 'cmog-meeting-action');

    await follow(kim, 'Action register');
    const row = kim.locator('tr', { hasText: 'Visit the hotel with licensing' });
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: /^Defer or complete action/ }).click();
    await kim.getByRole('heading', { name: /^Update action/ }).waitFor();
    await kim.getByLabel('New due date').fill(day(28));
    await kim.getByLabel('Why it is deferred').fill('Licensing officer on leave');
    await kim.getByRole('button', { name: 'Defer the action' }).click();
    await kim.getByText(/^Action [0-9a-f]{8} deferred to /).waitFor({ timeout: 15_000 });
    await row.getByText(/Licensing officer on leave/).waitFor({ timeout: 15_000 });
    await expectAccessible(kim, 'cmog-actions-deferred');

    await row.getByRole('button', { name: /^Defer or complete action/ }).click();
    await kim.getByLabel('What came of it').fill('Visit made; staff briefed');
    await kim.getByRole('button', { name: 'Record the action as done' }).click();
    await kim.getByText(/^Action [0-9a-f]{8} recorded as done\.$/).waitFor({ timeout: 15_000 });
    await row.getByText('Done').first().waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toMatch(/Visit made; staff briefed/);
    await kim.context().close();
  }, 90_000);
});

describe("the child's page", () => {
  it('shows the timeline, the timeline as known earlier, the interview and the associations', async () => {
    const kim = await signedInAs('Kim Walker');
    await kim.getByTestId(`agenda-child-${childId}`).waitFor({ timeout: 15_000 });
    await follow(kim, `Child ${childId.slice(0, 8)}`);
    await kim.getByRole('heading', { name: 'Timeline' }).waitFor();
    const timeline = kim.getByTestId('timeline');
    await timeline.waitFor({ timeout: 15_000 });
    await kim.getByRole('table', { name: /recorded with this child/ }).waitFor({ timeout: 15_000 });
    await expect(
      kim.getByRole('table', { name: /recorded with this child/ }).textContent(),
    ).resolves.toMatch(/Adult male, about 30/);
    await kim
      .getByRole('link', { name: /^Interview / })
      .first()
      .waitFor();
    const now = await timeline.locator('li').count();
    await expectAccessible(kim, 'child-page-cmog');

    await kim
      .getByLabel(/Show the timeline as it was known at/)
      .fill(beforeFound.toISOString().slice(0, 19));
    await kim.getByRole('button', { name: 'Show as at' }).click();
    await kim
      .getByTestId('timeline-status')
      .getByText(/As known at/)
      .waitFor({ timeout: 15_000 });
    await eventually(async () => {
      const count = await timeline.locator('li').count();
      if (count >= now) throw new Error(`still ${count} entries`);
    });
    await expect(timeline.textContent()).resolves.toMatch(/Reported missing/);
    await expectAccessible(kim, 'child-page-as-at');
    await kim.getByRole('button', { name: 'Show everything up to now' }).click();
    await eventually(async () => {
      const count = await timeline.locator('li').count();
      if (count !== now) throw new Error(`${count} entries, not ${now}`);
    });

    // Out of the child's authorities: the same words as for a child that does not exist.
    const sandra = await signedInAs('Sandra Reid');
    await visit(sandra, `/children/${childId}`);
    await sandra.getByText('Not found, or not yours to see.').waitFor({ timeout: 15_000 });
    await sandra.context().close();
    await kim.context().close();
  }, 90_000);
});

// Last: acknowledging the listing takes the child off the agenda the tests above read.
describe('the alerts screen for CMOG', () => {
  it("shows a member CMOG's alerts, and lets them acknowledge the child's listing", async () => {
    const kim = await signedInAs('Kim Walker');
    await follow(kim, 'Alerts');
    await kim.getByRole('heading', { name: 'Alerts' }).waitFor();
    const listing = kim.locator('tr', { hasText: `Child ${childId.slice(0, 8)}` }).filter({
      hasText: 'Listed for CMOG',
    });
    await listing.first().waitFor({ timeout: 15_000 });
    await expect(listing.first().textContent()).resolves.toMatch(/CMOG/);
    await expectAccessible(kim, 'cmog-alerts');
    await listing
      .first()
      .getByLabel(/^Note for alert/)
      .fill('On the agenda for Thursday');
    await listing.first().getByRole('button', { name: 'Acknowledge' }).click();
    await kim.getByText(/^Alert [0-9a-f]{8} acknowledged\.$/).waitFor({ timeout: 15_000 });
    await listing.first().getByText('Acknowledged').first().waitFor();
    await kim.context().close();
  }, 60_000);
});
