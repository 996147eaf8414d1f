import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, as .ci/run installs it (`apt-get install -y chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '../../test-results');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot under test-results/ (CI keeps the folder). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical violations on the page as it is now (none is the bar). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy (no inline
  // scripts) does not block: the console is tested under its real policy.
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    // In the page: axe-core, just added, on the whole document.
    const inPage = globalThis as unknown as { axe: typeof axe; document: never };
    return inPage.axe.run(inPage.document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
    );
}

// Run in the page (a string, so the Node-side types need no DOM): describes an element briefly.
const DESCRIBE = `(e) => {
  const name = (e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent || e.getAttribute('name') || e.id || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return e.tagName.toLowerCase() + (e.type ? '[' + e.type + ']' : '') + ' "' + name + '"';
}`;

/**
 * Every control on the page is reached with Tab, in turn, and shows a focus ring when it is; at
 * 200% zoom (a 640-pixel-wide viewport: 1280 at 200%) nothing outside a data table needs
 * scrolling sideways. Problems in words; none is the bar. The viewport is put back afterwards.
 */
export async function keyboardAndZoomProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 640, height: viewport?.height ?? 900 });
  try {
    const overflowing = await page.evaluate<string[]>(`(() => {
      const describe = ${DESCRIBE};
      const limit = document.documentElement.clientWidth + 1;
      const inScroller = (e) => {
        for (let p = e.parentElement; p; p = p.parentElement) {
          if (p.tagName === 'TABLE') return true;
          const x = getComputedStyle(p).overflowX;
          if (x === 'auto' || x === 'scroll') return true;
        }
        return false;
      };
      return [...document.body.querySelectorAll('*')]
        .filter((e) => e.getClientRects().length > 0 && e.checkVisibility() && e.getBoundingClientRect().right > limit && !inScroller(e))
        .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > limit))
        .map(describe);
    })()`);
    for (const e of overflowing) problems.push(`at 200% zoom, ${e} needs scrolling sideways`);

    // Each control is marked with its place, so that two alike ("Allocate", "Allocate") differ.
    const focusable = await page.evaluate<string[]>(`(() => {
      const describe = ${DESCRIBE};
      const all = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
      return [...all]
        // checkVisibility: also false inside a closed <details>, whose content keeps its boxes.
        .filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0 && e.checkVisibility({ visibilityProperty: true }))
        // A radio group is one Tab stop: its checked button, or its first when none is.
        .filter((e) => {
          if (e.type !== 'radio' || !e.name) return true;
          const group = [...document.querySelectorAll('input[type=radio]')].filter((r) => r.name === e.name);
          const checked = group.find((r) => r.checked);
          return checked ? checked === e : group[0] === e;
        })
        .map((e, i) => { e.setAttribute('data-sweep', String(i)); return describe(e); });
    })()`);
    // Start from the top of the document, as a keyboard user arriving at the page does.
    await page.evaluate(
      `document.activeElement?.blur?.(); window.scrollTo(0, 0); document.body.setAttribute('tabindex', '-1'); document.body.focus(); document.body.removeAttribute('tabindex')`,
    );
    const reached = new Set<number>();
    const withoutRing = new Set<number>();
    // Date fields take a Tab per part (day, month, year): allow a few presses per control.
    for (let i = 0; i < focusable.length * 4 + 3 && reached.size < focusable.length; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate<{ index: number; ring: boolean } | null>(`(() => {
        const e = document.activeElement;
        if (!e || !e.hasAttribute('data-sweep')) return null;
        const s = getComputedStyle(e);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        return { index: Number(e.getAttribute('data-sweep')), ring };
      })()`);
      if (!at) continue;
      reached.add(at.index);
      if (!at.ring) withoutRing.add(at.index);
    }
    focusable.forEach((name, i) => {
      if (!reached.has(i)) problems.push(`${name} is not reached with Tab`);
      if (withoutRing.has(i)) problems.push(`${name} shows no focus ring`);
    });
  } finally {
    await page.evaluate(
      `document.activeElement?.blur?.(); document.querySelectorAll('[data-sweep]').forEach((e) => e.removeAttribute('data-sweep'))`,
    );
    if (viewport) await page.setViewportSize(viewport);
  }
  return problems;
}
