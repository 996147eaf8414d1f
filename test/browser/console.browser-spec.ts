import type { INestApplication } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { api, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';
import { screenshot } from './browser';
import { ConsoleUnderTest } from './console-under-test';

/**
 * The staff console in a real browser (Debian's Chromium), over the embedded Homeward and the
 * built console (`npm run build`): the same API, roles, scopes, purpose rule and audit as every
 * other client.
 */
const ui = new ConsoleUnderTest({ purpose: 'browser test: a day of work', settle: 'heading' });
const { signedInAs, visit, expectAccessible } = ui;
let app: INestApplication;
let browser: Browser;
let base: string;

const police = `Bearer ${tokenFor('police-system')}`;

beforeAll(async () => {
  await ui.start();
  ({ app, browser, base } = ui);
}, 120_000);

afterAll(() => ui.stop());

async function reportAndFind(authority = 'Walsall') {
  const missing = missingReported({
    child: { ...missingReported().child, responsibleLocalAuthority: authority },
  });
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
  lastReported = missing;
  return reported.body.childId as string;
}

let lastReported: ReturnType<typeof missingReported>;
let walsallChild: string;
let interviewId: string;

describe('the staff console', () => {
  it('signs in a local user, showing who and in which role', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Ann Carter' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await page.getByRole('button', { name: 'Ann Carter' }).click();
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toMatch(/ri-coordinator/);
    await context.close();
  });

  it('shows a coordinator a new interview as it arrives, and allocates it', async () => {
    const page = await signedInAs('Ann Carter');
    await page.getByRole('heading', { name: 'Interview queue' }).waitFor();
    // The list as it was before the police report: empty.
    await page.getByText('There are no interviews to show.').waitFor();
    walsallChild = await reportAndFind();
    // Arrives without a reload: the page listens to the live updates.
    const row = page.locator('tr', { hasText: `Child ${walsallChild.slice(0, 8)}` });
    await row.waitFor({ timeout: 20_000 });
    interviewId = ((await row.getAttribute('data-testid')) ?? '').replace('interview-', '');
    expect(interviewId).toMatch(/^[0-9a-f-]{36}$/);
    await expectAccessible(page, 'coordinator-queue');
    await row.getByRole('combobox').selectOption({ label: 'Amy Lewis (Streetwise)' });
    await row.getByRole('button', { name: 'Allocate' }).click();
    await row.getByText('worker-amy').waitFor({ timeout: 15_000 });
    await screenshot(page, 'coordinator-allocated');
    await page.context().close();
  }, 60_000);

  it('shows the worker the interview allocated to them, and another worker nothing of it', async () => {
    const amy = await signedInAs('Amy Lewis');
    await amy.getByRole('heading', { name: 'My interviews' }).waitFor();
    await amy.getByTestId(`interview-${interviewId}`).waitFor({ timeout: 15_000 });
    await expectAccessible(amy, 'worker-my-interviews');
    await visit(amy, `/interviews/${interviewId}`);
    await amy.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(amy, 'worker-interview');
    await amy.context().close();

    const ben = await signedInAs('Ben Okafor');
    await ben.getByRole('heading', { name: 'My interviews' }).waitFor();
    await ben.getByText('There are no interviews to show.').waitFor();
    await visit(ben, `/interviews/${interviewId}`);
    await ben.getByText(/not yours to see/).waitFor();
    await ben.context().close();
  }, 60_000);

  it("shows a child's page to their authority, and not to another's", async () => {
    const sam = await signedInAs('Sam Patel');
    await visit(sam, `/children/${walsallChild}`);
    const reportedMissing = sam.getByText(/Reported missing by WMP/);
    await reportedMissing.first().waitFor({ timeout: 15_000 });
    await expectAccessible(sam, 'child-page');
    // Missing again while the page is open: the new report appears on it without a reload.
    expect(await reportedMissing.count()).toBe(1);
    await api(app)
      .post('/api/v1/police/notifications')
      .set('Authorization', police)
      .send(missingReported({ child: lastReported.child, occurredAt: new Date().toISOString() }))
      .expect(202);
    await reportedMissing.nth(1).waitFor({ timeout: 20_000 });
    await sam.context().close();

    const sandra = await signedInAs('Sandra Reid');
    await visit(sandra, `/children/${walsallChild}`);
    await sandra.getByText(/not yours to see/).waitFor();
    await screenshot(sandra, 'child-page-out-of-scope');
    await sandra.context().close();
  }, 60_000);

  it('works from the keyboard alone, with the focus visible, and reflows at 200% zoom', async () => {
    // 1280 CSS pixels at 200% zoom leave 640 to lay out in.
    const context = await browser.newContext({ viewport: { width: 640, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Ann Carter' }).waitFor();
    const focusedText = () =>
      page.evaluate(() => {
        const active = (
          globalThis as unknown as {
            document: { activeElement: { tagName: string; textContent: string | null } | null };
          }
        ).document.activeElement;
        // Only a control counts: the page's body "contains" every text before anything has focus.
        return active && active.tagName === 'BUTTON' ? (active.textContent ?? '') : '';
      });
    for (let i = 0; i < 30 && !(await focusedText()).includes('Ann Carter'); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedText()).toContain('Ann Carter');
    // The focus is visible: an outline (or a box shadow) on the focused button.
    const ring = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { activeElement: unknown } }).document;
      const style = (
        globalThis as unknown as {
          getComputedStyle: (e: unknown) => {
            outlineStyle: string;
            outlineWidth: string;
            boxShadow: string;
          };
        }
      ).getComputedStyle(doc.activeElement);
      return { outline: `${style.outlineStyle} ${style.outlineWidth}`, shadow: style.boxShadow };
    });
    expect(ring.outline.startsWith('none') && ring.shadow === 'none').toBe(false);
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in-as').waitFor();
    const why = page.getByLabel(/Why are you looking/);
    await why.waitFor();
    await why.focus();
    await page.keyboard.type('keyboard and zoom check');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Interview queue' }).waitFor();
    // Nothing but data tables (which WCAG lets scroll) may need scrolling sideways.
    const overflow = await page.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: {
            querySelectorAll: (s: string) => Array<{
              tagName: string;
              scrollWidth: number;
              clientWidth: number;
              closest: (s: string) => unknown;
            }>;
          };
        }
      ).document;
      return [...doc.querySelectorAll('header *, main > h1, main > p, main form, nav *')]
        .filter((e) => !e.closest('table') && e.scrollWidth > e.clientWidth + 1)
        .map((e) => e.tagName);
    });
    expect(overflow).toEqual([]);
    await screenshot(page, 'coordinator-queue-200-percent');
    await context.close();
  });
});
