import type { Page } from 'playwright-core';
import { api } from '../support/homeward-app';
import { ConsoleUnderTest } from './console-under-test';
import { freePort } from '../support/free-port';
import { TestIdentityProvider } from './support/identity-provider';

/**
 * Sign-in at a real OpenID Connect provider (node-oidc-provider): the console leaves for the
 * provider, comes back with a code, trades it (PKCE) for the provider's JWT access token, and
 * the API verifies that token by the provider's key set (AUTH_JWKS_URL) like any client's.
 */
const CLIENT_ID = 'homeward-console';
const AUDIENCE = 'homeward-api';
let provider: TestIdentityProvider;
let ui: ConsoleUnderTest;

beforeAll(async () => {
  const port = await freePort();
  provider = await TestIdentityProvider.start({
    clientId: CLIENT_ID,
    consoleOrigin: `http://127.0.0.1:${port}`,
    audience: AUDIENCE,
    people: {
      'ann.carter': {
        name: 'Ann Carter',
        roles: ['ri-coordinator'],
        organisation: 'Streetwise',
        localAuthorities: ['Walsall'],
      },
    },
  });
  ui = new ConsoleUnderTest({
    purpose: 'browser test: sign-in at the identity provider',
    settle: 'heading',
    port,
    config: {
      auth: {
        kind: 'jwks',
        jwksUrl: `${provider.issuer}/jwks`,
        issuer: provider.issuer,
        audience: AUDIENCE,
        signIn: { clientId: CLIENT_ID, scope: 'openid profile homeward' },
      },
    },
  });
  await ui.start();
}, 120_000);

afterAll(async () => {
  await ui?.stop();
  await provider?.stop();
});

/** The bearer token the console holds in this tab. */
const heldToken = (page: Page) =>
  page.evaluate<string | null>("sessionStorage.getItem('homeward.token')");

const PROVIDER_BUTTON = 'Sign in with your organisation’s account';

async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.getByRole('button', { name: PROVIDER_BUTTON }).click();
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('any password: the test provider takes any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

describe('signing in at the identity provider', () => {
  it('offers the provider, not local users, and is accessible', async () => {
    const context = await ui.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ui.base}/`);
    await page.getByRole('button', { name: PROVIDER_BUTTON }).waitFor();
    await expect(page.getByRole('heading', { name: 'As a local user' }).count()).resolves.toBe(0);
    await ui.expectAccessible(page, 'sign-in-identity-provider');
    await context.close();
  });

  it("signs in there and works with the provider's token: the person, role and queue", async () => {
    const context = await ui.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ui.base}/`);
    await signInAtProvider(page, 'ann.carter');
    await page.waitForURL(`${ui.base}/queue`);
    await ui.statePurposeIfAsked(page);
    await page.getByRole('heading', { name: 'Interview queue' }).waitFor();
    const who = await page.getByTestId('signed-in-as').textContent();
    expect(who).toMatch(/Ann Carter \(ann\.carter\)/);
    expect(who).toMatch(/ri-coordinator · Streetwise/);
    // The token the console holds is the provider's, and the API reads its claims.
    const token = await heldToken(page);
    const me = await api(ui.app)
      .get('/api/v1/session/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(me.body).toMatchObject({
      sub: 'ann.carter',
      roles: ['ri-coordinator'],
      organisation: 'Streetwise',
      localAuthorities: ['Walsall'],
    });
    await context.close();
  });

  it('signs out at the provider too: the next sign-in asks for the login again', async () => {
    const context = await ui.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ui.base}/`);
    await signInAtProvider(page, 'ann.carter');
    await page.getByTestId('signed-in-as').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${ui.base}/`);
    await page.getByRole('button', { name: PROVIDER_BUTTON }).click();
    await page.locator('input[name=login]').waitFor();
    await expect(heldToken(page)).resolves.toBeNull();
    await context.close();
  });

  it('says why when the person cancels at the provider, and offers to start again', async () => {
    const context = await ui.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ui.base}/`);
    await page.getByRole('button', { name: PROVIDER_BUTTON }).click();
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await page.waitForURL((url) => url.pathname === '/signed-in');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /Sign-in did not complete: End-User aborted interaction/,
    );
    await ui.expectAccessible(page, 'sign-in-cancelled');
    await page.getByRole('link', { name: 'Back to sign-in' }).click();
    await page.getByRole('button', { name: PROVIDER_BUTTON }).waitFor();
    await context.close();
  });
});
