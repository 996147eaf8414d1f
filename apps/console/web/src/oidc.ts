// Sign-in at the identity provider (OpenID Connect, authorization code with PKCE, the console as a
// public client), with oauth4webapi: the console never sees a password, and the API verifies the
// provider's access token by its key set like any other client's token.
import * as oauth from 'oauth4webapi';
import type { IdentityProviderOption } from './api/types';

/** What is kept between leaving for the provider and coming back: this tab only. */
const PENDING_KEY = 'homeward.oidc.pending';
/** The ID token and where it came from, for signing out at the provider. */
const SIGNED_IN_KEY = 'homeward.oidc.signedIn';

/** Where the provider sends people back to; registered there as the client's redirect URI. */
export const SIGNED_IN_PATH = '/signed-in';
const redirectUri = (): string => `${location.origin}${SIGNED_IN_PATH}`;

interface Pending {
  issuer: string;
  clientId: string;
  verifier: string;
  state: string;
  nonce: string;
}

interface SignedIn {
  issuer: string;
  clientId: string;
  idToken: string;
}

/** A signed-in person: the access token for the API and the name the provider gave. */
export interface ProviderSession {
  accessToken: string;
  name: string | null;
}

/** Plain http only to a provider on this machine (a developer's or a test's); https otherwise. */
function requestOptions(issuer: URL): { [oauth.allowInsecureRequests]?: boolean } {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  return issuer.protocol === 'http:' && loopback ? { [oauth.allowInsecureRequests]: true } : {};
}

async function discover(issuer: URL): Promise<oauth.AuthorizationServer> {
  const response = await oauth.discoveryRequest(issuer, {
    algorithm: 'oidc',
    ...requestOptions(issuer),
  });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** Leaves for the provider's sign-in page. */
export async function signInAtProvider(provider: IdentityProviderOption): Promise<void> {
  const issuer = new URL(provider.issuer);
  const server = await discover(issuer);
  if (!server.authorization_endpoint)
    throw new Error('the provider names no authorization endpoint');
  const pending: Pending = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
  };
  const url = new URL(server.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: provider.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: provider.scope,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  }).toString();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(url.href);
}

/**
 * Back from the provider at /signed-in: checks the state, trades the code for tokens (PKCE) and
 * checks the ID token's nonce. Throws with the provider's words when the sign-in did not succeed.
 */
export async function completeSignIn(current: URL): Promise<ProviderSession> {
  const saved = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!saved)
    throw new Error('this sign-in was not started here, or was already used: start again');
  const pending = JSON.parse(saved) as Pending;
  const issuer = new URL(pending.issuer);
  const server = await discover(issuer);
  const client: oauth.Client = { client_id: pending.clientId };
  const params = oauth.validateAuthResponse(server, client, current, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    params,
    redirectUri(),
    pending.verifier,
    requestOptions(issuer),
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client, response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  if (result.id_token) {
    const signedIn: SignedIn = {
      issuer: pending.issuer,
      clientId: pending.clientId,
      idToken: result.id_token,
    };
    sessionStorage.setItem(SIGNED_IN_KEY, JSON.stringify(signedIn));
  }
  const claims = oauth.getValidatedIdTokenClaims(result);
  const name = typeof claims?.name === 'string' ? claims.name : null;
  return { accessToken: result.access_token, name };
}

/** The provider's words for a failed sign-in, or the library's when it is not the provider's. */
export function signInFailure(error: unknown): string {
  if (error instanceof oauth.AuthorizationResponseError) {
    return error.error_description ?? error.error;
  }
  if (error instanceof oauth.ResponseBodyError) return error.error_description ?? error.error;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Ends the session at the provider too, when it says where (RP-initiated logout), coming back to
 * the console's sign-in page. Returns false when this tab did not sign in there, or it cannot.
 */
export async function signOutAtProvider(): Promise<boolean> {
  const saved = sessionStorage.getItem(SIGNED_IN_KEY);
  sessionStorage.removeItem(SIGNED_IN_KEY);
  if (!saved) return false;
  const signedIn = JSON.parse(saved) as SignedIn;
  const server = await discover(new URL(signedIn.issuer)).catch(() => null);
  if (!server?.end_session_endpoint) return false;
  const url = new URL(server.end_session_endpoint);
  url.search = new URLSearchParams({
    client_id: signedIn.clientId,
    id_token_hint: signedIn.idToken,
    post_logout_redirect_uri: `${location.origin}/`,
  }).toString();
  location.assign(url.href);
  return true;
}
