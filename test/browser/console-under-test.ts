import type { INestApplication } from '@nestjs/common';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { HomewardModuleOptions } from '../../apps/homeward/src/app.module';
import type { HomewardConfig } from '../../libs/platform/src/config/homeward-config';
import { consoleWebDir } from '../../libs/platform/src/console-web/serve-console-web';
import { startHomeward, testConfig } from '../support/homeward-app';
import {
  accessibilityProblems,
  keyboardAndZoomProblems,
  launchChromium,
  screenshot,
} from './browser';

// CONSOLE_WEB_DIR, as the app serves it: a build elsewhere can be tried beside dist/.
const WEB = join(consoleWebDir(), 'index.html');

/**
 * The built console over an embedded Homeward (PGlite in a temporary folder), listening on a
 * free port, and Chromium to drive it: what every browser spec starts from. `settle` says how a
 * page is known to be ready: its heading (pages that listen to live updates keep a request open)
 * or a quiet network.
 */
export class ConsoleUnderTest {
  app!: INestApplication;
  browser!: Browser;
  base!: string;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'homeward-browser-'));

  constructor(
    private readonly options: {
      purpose: string;
      settle?: 'heading' | 'networkidle';
      context?: BrowserContextOptions;
      /**
       * Configuration besides the tests' own (an identity provider's keys, webhook targets), or
       * a function giving it at start (when it names a server started meanwhile).
       */
      config?: Partial<HomewardConfig> | (() => Promise<Partial<HomewardConfig>>);
      /** Modules in place of the app's own (alert deliveries with short retries). */
      modules?: HomewardModuleOptions;
      /** The port to listen on, when it must be known first (a provider's redirect URI); else free. */
      port?: number;
    },
  ) {}

  async start(): Promise<void> {
    if (!existsSync(WEB)) throw new Error(`the console is not built (${WEB}): run npm run build`);
    const given = this.options.config;
    const overrides = typeof given === 'function' ? await given() : given;
    const config = testConfig({ kind: 'pglite', dataDir: this.dataDir }, overrides);
    this.app = await startHomeward(config, this.options.modules);
    await this.app.listen(this.options.port ?? 0, '127.0.0.1');
    this.base = (await this.app.getUrl()).replace('[::1]', '127.0.0.1');
    this.browser = await launchChromium();
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.app?.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** States the purpose when the console asks for it (once a session, at the first child-level read). */
  statePurposeIfAsked = async (page: Page): Promise<void> => {
    const why = page.getByLabel(/Why are you looking/);
    if (await why.isVisible().catch(() => false)) {
      await why.fill(this.options.purpose);
      await page.getByRole('button', { name: 'Continue' }).click();
    }
  };

  /** A fresh browser session signed in as the local user of that name, the purpose stated. */
  signedInAs = async (name: string): Promise<Page> => {
    const context = await this.browser.newContext(this.options.context);
    const page = await context.newPage();
    await page.goto(`${this.base}/`);
    await page.getByRole('button', { name }).click();
    await page.getByTestId('signed-in-as').waitFor();
    await this.settled(page);
    await this.statePurposeIfAsked(page);
    return page;
  };

  /** Opens a page of the console, stating the purpose if it asks. */
  visit = async (page: Page, path: string): Promise<void> => {
    await page.goto(`${this.base}${path}`);
    await this.settled(page);
    await this.statePurposeIfAsked(page);
  };

  /**
   * A screenshot under test-results/; no serious or critical axe-core violation; every control
   * reached with Tab and ringed when focused; nothing but data tables scrolling sideways at 200%.
   */
  expectAccessible = async (page: Page, screen: string): Promise<void> => {
    await screenshot(page, screen);
    const problems = [
      ...(await accessibilityProblems(page)),
      ...(await keyboardAndZoomProblems(page)),
    ];
    expect({ screen, problems }).toEqual({ screen, problems: [] });
  };

  private async settled(page: Page): Promise<void> {
    if (this.options.settle === 'networkidle') await page.waitForLoadState('networkidle');
    // The page's heading, or the purpose form in its place.
    else await page.locator('main h1').first().waitFor();
  }
}
