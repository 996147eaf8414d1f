#!/usr/bin/env node
// Prints a token signed with the public local development key, for trying Homeward locally:
//   npm run -s token -- --role police-system [--role ri-worker] [--sub NAME] [--ttl 8h]
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
];

function fail(message) {
  process.stderr.write(`token: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const roles = [];
let sub = 'local-user';
let ttl = '8h';
for (let i = 0; i < args.length; i++) {
  const value = args[i + 1];
  switch (args[i]) {
    case '--role':
      if (!value) fail('--role needs a value');
      roles.push(...value.split(','));
      i++;
      break;
    case '--sub':
      if (!value) fail('--sub needs a value');
      sub = value;
      i++;
      break;
    case '--ttl':
      if (!value) fail('--ttl needs a value such as 8h');
      ttl = value;
      i++;
      break;
    default:
      fail(`unknown argument ${args[i]} (use --role ROLE [--sub NAME] [--ttl 8h])`);
  }
}
if (roles.length === 0) fail(`give at least one --role: ${KNOWN_ROLES.join(', ')}`);
const unknown = roles.filter((r) => !KNOWN_ROLES.includes(r));
if (unknown.length)
  fail(`unknown role ${unknown.join(', ')}; known roles: ${KNOWN_ROLES.join(', ')}`);
if (process.env.AUTH_JWT_SECRET && process.env.AUTH_JWT_SECRET !== secret) {
  fail('AUTH_JWT_SECRET is set: this script only signs with the local development key');
}
process.stdout.write(
  `${jwt.sign({ sub, roles }, secret, { algorithm: 'HS256', expiresIn: ttl })}\n`,
);
