import type { INestApplication } from '@nestjs/common';
import { api, eventually, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { screenshot } from './browser';
import { ConsoleUnderTest } from './console-under-test';

/**
 * A return interview from allocation to approval in the console: the worker records a contact
 * attempt and the interview with the screening tool (suggested level live, a draft that survives a
 * reload and a failed submit, field errors beside the field), and the coordinator approves it.
 */
const ui = new ConsoleUnderTest({
  purpose: 'browser test: a return interview',
  // Pages listening to live updates keep a request open: wait for headings, not a quiet network.
  settle: 'heading',
});
const { signedInAs, visit, statePurposeIfAsked, expectAccessible } = ui;
let app: INestApplication;

const police = `Bearer ${tokenFor('police-system')}`;
const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann')}`;

beforeAll(async () => {
  await ui.start();
  ({ app } = ui);
}, 120_000);

afterAll(() => ui.stop());

/** A child reported missing and found: their interview, allocated to Amy through the API. */
async function foundAndAllocatedToAmy(): Promise<string> {
  const missing = missingReported();
  const reported = await api(app)
    .post('/api/v1/police/notifications')
    .set('Authorization', police)
    .send(missing)
    .expect(202);
  await api(app)
    .post('/api/v1/police/notifications')
    .set('Authorization', police)
    .send(childFound(missing))
    .expect(202);
  const childId = reported.body.childId as string;
  const interviewId = await eventually(async () => {
    const res = await api(app)
      .get('/api/v1/interviews?status=SCHEDULED')
      .set('Authorization', coordinator)
      .expect(200);
    const found = (res.body as Array<{ childId: string; interviewId: string }>).find(
      (i) => i.childId === childId,
    );
    if (!found) throw new Error('no interview yet');
    return found.interviewId;
  }, 20_000);
  await api(app)
    .post(`/api/v1/interviews/${interviewId}/allocate`)
    .set('Authorization', coordinator)
    .send({ workerId: 'worker-amy' })
    .expect(200);
  return interviewId;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

/** A child missing and found three times (the repeat threshold): their latest interview, Amy's. */
async function repeatChildAllocatedToAmy(): Promise<string> {
  const first = missingReported({ occurredAt: hoursAgo(80) });
  let childId = '';
  for (const [missingAt, foundAt] of [
    [80, 75],
    [60, 55],
    [30, 2],
  ]) {
    const missing = { ...missingReported({ occurredAt: hoursAgo(missingAt) }), child: first.child };
    const reported = await api(app)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(missing)
      .expect(202);
    childId = reported.body.childId as string;
    await api(app)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(childFound(missing, { occurredAt: hoursAgo(foundAt), returnedAt: hoursAgo(foundAt) }))
      .expect(202);
  }
  const interviewId = await eventually(async () => {
    const res = await api(app)
      .get('/api/v1/interviews?status=SCHEDULED')
      .set('Authorization', coordinator)
      .expect(200);
    const ids = (res.body as Array<{ childId: string; interviewId: string }>)
      .filter((i) => i.childId === childId)
      .map((i) => i.interviewId);
    for (const id of ids) {
      const detail = await api(app)
        .get(`/api/v1/interviews/${id}`)
        .set('Authorization', coordinator)
        .expect(200);
      const prefill = (detail.body.screeningPrefill?.significant ?? []) as Array<{ code: string }>;
      if (prefill.some((p) => p.code === 'MISSING_EPISODES')) return id;
    }
    throw new Error('no interview with the repeat prefill yet');
  }, 20_000);
  await api(app)
    .post(`/api/v1/interviews/${interviewId}/allocate`)
    .set('Authorization', coordinator)
    .send({ workerId: 'worker-amy' })
    .expect(200);
  return interviewId;
}

let interviewId: string;

describe('a return interview in the console', () => {
  it('lets the worker record an attempt and the interview, keeping a draft through a reload', async () => {
    interviewId = await foundAndAllocatedToAmy();
    const amy = await signedInAs('Amy Lewis');
    await visit(amy, `/interviews/${interviewId}`);
    await amy.getByRole('heading', { name: 'Record the interview' }).waitFor({ timeout: 15_000 });

    // A contact attempt: the table shows it.
    await amy.getByLabel('How').selectOption('PHONE');
    await amy.getByLabel('What happened').fill('No answer; left a voicemail for her carer');
    await amy.getByRole('button', { name: 'Record the attempt' }).click();
    await amy
      .getByRole('table', { name: 'Contact attempts' })
      .getByText('No answer; left a voicemail for her carer')
      .waitFor({ timeout: 15_000 });

    const suggested = amy.getByTestId('suggested-level');
    await expect(suggested.textContent()).resolves.toBe('Suggested level: No indicators');
    // The suggestion applies what is recorded of the child, as the server does; nothing to type.
    await expect(amy.getByTestId('screening-facts').textContent()).resolves.toMatch(
      /aged \d+ today; no learning disability recorded\.$/,
    );
    await expectAccessible(amy, 'interview-form-before');

    // Ticking indicators changes the suggestion as she goes.
    await amy.getByLabel('Drugs Misuse').check();
    await expect(suggested.textContent()).resolves.toBe('Suggested level: Low risk');
    await amy
      .getByLabel(/^Relationship of concern with a controlling adult/)
      .selectOption('CURRENT');
    await expect(suggested.textContent()).resolves.toBe('Suggested level: Significant risk');

    await amy.getByRole('button', { name: 'Add a place' }).click();
    await amy
      .getByLabel('Where (description)')
      .fill('A flat above the takeaway on the high street');
    await amy.getByLabel('Postcode (if known)').fill('WS1 1AA');
    await amy.getByRole('button', { name: 'Add a person' }).click();
    await amy.getByLabel('Name (or what the child calls them)').fill('"Dee"');
    await amy.getByLabel('Relationship to the child').fill('Older friend, about 25');
    await amy.getByLabel('Push factors').fill('Arguments at the placement about her phone');
    await amy.getByLabel('Pull factors').fill('Dee gives her lifts and buys her food');
    await amy
      .getByLabel("The child's voice")
      .fill('She said she felt safe with Dee and did not want to get him in trouble.');

    // A reload mid-way: the draft is still there.
    await amy.reload();
    await amy.locator('main h1').first().waitFor();
    await statePurposeIfAsked(amy);
    await amy.getByTestId('draft-restored').waitFor({ timeout: 15_000 });
    await expect(amy.getByLabel("The child's voice").inputValue()).resolves.toMatch(
      /felt safe with Dee/,
    );
    await expect(
      amy.getByLabel(/^Relationship of concern with a controlling adult/).inputValue(),
    ).resolves.toBe('CURRENT');
    await expect(amy.getByLabel('Drugs Misuse').isChecked()).resolves.toBe(true);
    await expect(amy.getByTestId('suggested-level').textContent()).resolves.toBe(
      'Suggested level: Significant risk',
    );
    await amy.getByLabel('Disclosures').fill('None during this interview.');
    await expectAccessible(amy, 'interview-form-after');

    // A network failure: nothing is lost, and the page says so beside the button.
    await amy.route('**/complete', (route) => route.abort('failed'), { times: 1 });
    await amy.getByRole('button', { name: 'Record the interview' }).click();
    await amy.getByText(/Not sent: the network failed\. Everything you entered is kept/).waitFor();
    await expect(amy.getByLabel('Disclosures').inputValue()).resolves.toBe(
      'None during this interview.',
    );

    // A level below the suggestion without a reason: the API's error appears beside the field.
    await amy.getByLabel('Level you confirm').selectOption('MEDIUM');
    await amy.getByRole('button', { name: 'Record the interview' }).click();
    const overrideError = amy.locator('#override-reason-error');
    await overrideError.waitFor({ timeout: 15_000 });
    await expect(overrideError.textContent()).resolves.toMatch(/reason is required/);
    await expect(
      amy.getByLabel(/Why you confirm a level below/).getAttribute('aria-describedby'),
    ).resolves.toBe('override-reason-error');

    // Confirms the suggestion instead: recorded, with what must follow.
    await amy.getByLabel('Level you confirm').selectOption('');
    await amy.getByRole('button', { name: 'Record the interview' }).click();
    const recorded = amy.getByTestId('recorded-screening');
    await recorded.waitFor({ timeout: 15_000 });
    await expect(recorded.textContent()).resolves.toMatch(/Confirmed levelSignificant risk/);
    const outcomes = await amy.getByTestId('screening-outcomes').textContent();
    expect(outcomes).toMatch(/A referral to children's social care is required/);
    expect(outcomes).toMatch(/A strategy meeting is required/);
    await expect(amy.getByTestId('interview-status').textContent()).resolves.toBe('Held');
    await expect(amy.getByRole('heading', { name: 'Record the interview' }).count()).resolves.toBe(
      0,
    );
    await expectAccessible(amy, 'interview-completed');

    // The draft is gone once the record is saved.
    const drafts = await amy.evaluate(() => {
      // In the page: the browser's localStorage.
      const storage = (
        globalThis as unknown as { localStorage: { length: number; key(i: number): string | null } }
      ).localStorage;
      return Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').filter((k) =>
        k.startsWith('homeward.draft.'),
      );
    });
    expect(drafts).toEqual([]);
    await amy.context().close();
  }, 120_000);

  it('lets the coordinator approve the held interview', async () => {
    const ann = await signedInAs('Ann Carter');
    await ann.getByRole('link', { name: 'Interviews to review' }).click();
    await ann.locator('main h1').first().waitFor();
    await statePurposeIfAsked(ann);
    const row = ann.getByTestId(`review-${interviewId}`);
    await row.waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toMatch(/Confirmed: Significant risk/);
    await expectAccessible(ann, 'review-screen');
    await row.getByLabel('Approve').check();
    await row.getByLabel(/^Comment for interview/).fill('A clear record; referral to follow.');
    await row.getByRole('button', { name: 'Save the quality check' }).click();
    await ann
      .getByText(`Interview ${interviewId.slice(0, 8)} approved.`)
      .waitFor({ timeout: 15_000 });
    await ann.getByText('There are no interviews waiting for review.').waitFor({ timeout: 15_000 });
    await screenshot(ann, 'review-approved');

    const detail = await api(app)
      .get(`/api/v1/interviews/${interviewId}`)
      .set('Authorization', coordinator)
      .expect(200);
    expect(detail.body.reviews).toEqual([
      expect.objectContaining({ decision: 'APPROVED', reviewedBy: 'coordinator-ann' }),
    ]);
    await ann.context().close();
  }, 90_000);
  it('shows the pre-filled indicator, asks why it is unticked, and records a declined interview', async () => {
    const repeatId = await repeatChildAllocatedToAmy();
    const amy = await signedInAs('Amy Lewis');
    await visit(amy, `/interviews/${repeatId}`);
    const missingEpisodes = amy.getByLabel(/^Periods of absence\/missing/);
    await missingEpisodes.waitFor({ timeout: 15_000 });
    await expect(missingEpisodes.inputValue()).resolves.toBe('CURRENT');
    await amy.getByText(/pre-filled: the child met the repeat missing threshold/).waitFor();
    await expect(amy.getByTestId('suggested-level').textContent()).resolves.toBe(
      'Suggested level: Significant risk',
    );
    await missingEpisodes.selectOption('');
    await expect(amy.getByTestId('suggested-level').textContent()).resolves.toBe(
      'Suggested level: No indicators',
    );
    await amy.getByRole('button', { name: 'Record the interview' }).click();
    await amy.locator('#missing-untick-reason-error').waitFor({ timeout: 15_000 });
    await expect(amy.locator('#missing-untick-reason-error').textContent()).resolves.toMatch(
      /repeat missing threshold/,
    );
    await expectAccessible(amy, 'interview-form-prefilled-error');

    await amy.getByLabel('Reason given').fill('She said she did not want to talk about it today');
    await amy
      .getByLabel(/What the carer could tell instead/)
      .fill('Her carer said she came back tired and hungry');
    await amy.getByRole('button', { name: 'Record as declined' }).click();
    await amy.getByText('Recorded as declined.').waitFor({ timeout: 15_000 });
    await expect(amy.getByTestId('interview-status').textContent()).resolves.toBe('Declined');
    await amy.context().close();
  }, 120_000);

  it('records that no interview was possible', async () => {
    const id = await foundAndAllocatedToAmy();
    const amy = await signedInAs('Amy Lewis');
    await visit(amy, `/interviews/${id}`);
    await amy.getByRole('button', { name: 'Record as not possible' }).waitFor({ timeout: 15_000 });
    await amy.getByRole('button', { name: 'Record as not possible' }).click();
    await amy.locator('#not-possible-reason-error').waitFor({ timeout: 15_000 });
    await amy.getByLabel('Why no interview could be held').fill('Moved out of area the same day');
    await amy.getByRole('button', { name: 'Record as not possible' }).click();
    await amy.getByText('Recorded as not possible.').waitFor({ timeout: 15_000 });
    await expect(amy.getByTestId('interview-status').textContent()).resolves.toBe('Not possible');
    await amy.context().close();
  }, 90_000);
});
