#!/usr/bin/env node
// Prints a token signed with the public local development key, for trying Homeward locally:
//   npm run -s token -- --role ROLE [--role ROLE…] [--la Walsall [--la Sandwell]] [--org Streetwise]
//                       [--force WMP] [--sub NAME] [--ttl 8h]
// Without --la the token covers every local authority (localAuthorities: ["*"]), and a
// police-system token without --force every force (force: "*"): Homeward accepts those
// wildcards only with the development key, which only NODE_ENV development or test accept.
// It refuses when AUTH_JWT_SECRET is set: a real deployment's tokens come from its identity provider.
const jwt = require('jsonwebtoken');
const { secret } = require('../libs/platform/src/auth/development-key.json');

const KNOWN_ROLES = [
  'police-system',
  'ri-coordinator',
  'ri-worker',
  'safeguarding-manager',
  'social-care',
  'cmog-member',
  'cmog-chair',
  'auditor',
  'admin',
];
const MAX_TTL_SECONDS = 12 * 60 * 60;
const USAGE =
  'use --role ROLE [--role ROLE] [--la NAME] [--org NAME] [--force NAME] [--sub NAME] [--ttl 8h]';

function fail(message) {
  process.stderr.write(`token: ${message}\n`);
  process.exit(2);
}

/** `8h`, `30m`, `90s` or `3600` (seconds) as seconds; null when it is none of those. */
function seconds(ttl) {
  const match = /^(\d+)\s*([smhd]?)$/.exec(ttl.trim());
  if (!match) return null;
  return Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2]];
}

const args = process.argv.slice(2);
const roles = [];
const localAuthorities = [];
let organisation = null;
let force = null;
let sub = 'local-user';
let ttl = '8h';
for (let i = 0; i < args.length; i++) {
  const flag = args[i];
  const value = args[i + 1];
  const needValue = (example) => {
    if (!value || value.startsWith('--')) fail(`${flag} needs a value${example}`);
    i++;
    return value;
  };
  switch (flag) {
    case '--role':
      roles.push(...needValue('').split(','));
      break;
    case '--la':
      localAuthorities.push(...needValue(' such as Walsall').split(','));
      break;
    case '--org':
      organisation = needValue(' such as Streetwise');
      break;
    case '--force':
      force = needValue(' such as WMP');
      break;
    case '--sub':
      sub = needValue('');
      break;
    case '--ttl':
      ttl = needValue(' such as 8h');
      break;
    default:
      fail(`unknown argument ${flag} (${USAGE})`);
  }
}
if (roles.length === 0) fail(`give at least one --role: ${KNOWN_ROLES.join(', ')}`);
const unknown = roles.filter((r) => !KNOWN_ROLES.includes(r));
if (unknown.length)
  fail(`unknown role ${unknown.join(', ')}; known roles: ${KNOWN_ROLES.join(', ')}`);
const names = localAuthorities.map((la) => la.trim());
if (names.some((la) => la === '' || la === '*')) {
  fail('--la needs a local authority name (leave --la out for every local authority)');
}
if (force !== null && (force.trim() === '' || force.trim() === '*')) {
  fail('--force needs a force name such as WMP (leave it out for every force)');
}
const lifetime = seconds(ttl);
if (lifetime === null || lifetime < 1) fail(`--ttl ${ttl}: give a duration such as 8h, 30m or 90s`);
if (lifetime > MAX_TTL_SECONDS) fail(`--ttl ${ttl}: tokens live at most 12h`);
if (process.env.AUTH_JWT_SECRET && process.env.AUTH_JWT_SECRET !== secret) {
  fail('AUTH_JWT_SECRET is set: this script only signs with the local development key');
}
const claims = {
  sub,
  roles: [...new Set(roles)],
  localAuthorities: names.length > 0 ? [...new Set(names)] : ['*'],
  ...(organisation ? { organisation } : {}),
  ...(force ? { force: force.trim() } : roles.includes('police-system') ? { force: '*' } : {}),
};
process.stdout.write(`${jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: lifetime })}\n`);
