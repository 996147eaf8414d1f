// A real OpenID Connect provider (node-oidc-provider) for the console's sign-in test, run in its
// own process since the library is ESM. Configured by IDP_CONFIG (JSON): the console's client id,
// redirect and sign-out URIs, the API's audience and the people who may sign in with their claims.
// Listens on a free port of 127.0.0.1 and prints `listening <issuer>` once it serves.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.IDP_CONFIG ?? '{}');
const { clientId, redirectUri, postLogoutRedirectUri, audience, people } = config;

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: 'test-key',
  use: 'sig',
  alg: 'RS256',
};

/** The API as a resource server: its access tokens are JWTs for Homeward's audience. */
const API = 'urn:homeward:api';

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [postLogoutRedirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [signingKey] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name'] },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => API,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'homeward',
        audience,
        accessTokenFormat: 'jwt',
        accessTokenTTL: 3600,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  // Consent is not what this test is about: the console's grant is given at sign-in.
  loadExistingGrant: async (ctx) => {
    const grant = new provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile');
    grant.addResourceScope(API, 'homeward');
    await grant.save();
    return grant;
  },
  findAccount: (_ctx, id) => {
    const person = people[id];
    if (!person) return undefined;
    return { accountId: id, claims: () => ({ sub: id, name: person.name }) };
  },
  // Homeward's claims ride on the access token the API verifies.
  extraTokenClaims: (_ctx, token) => {
    if (token.kind !== 'AccessToken') return undefined;
    const person = people[token.accountId];
    if (!person) return undefined;
    return {
      roles: person.roles,
      organisation: person.organisation ?? null,
      localAuthorities: person.localAuthorities ?? [],
    };
  },
});
server.on('request', provider.callback());
console.log(`listening ${issuer}`);
