#!/usr/bin/env node
// Fills a running Homeward (the embedded `npm start` by default) with a synthetic police feed,
// so the console has queues, alerts and CMOG listings to show:
//   npm run demo:seed [-- --children 200] [--seed 1] [--days 14] [--url http://127.0.0.1:3000]
// Each notification is POSTed as a police system would send it, with a token signed by the
// local development key (scripts/token.js): a real deployment refuses it. The same seed gives
// the same notification ids, so seeding twice records nothing new (every one a duplicate).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { syntheticFeed } = require('./synthetic-feed');

function fail(message, code = 2) {
  process.stderr.write(`demo:seed: ${message}\n`);
  process.exit(code);
}

const options = { children: 200, seed: 1, days: 14, url: process.env.HOMEWARD_URL };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  const [flag, value] = [args[i], args[i + 1]];
  const name = flag.replace(/^--/, '');
  if (!(name in options)) fail(`unknown option ${flag}: use --children, --seed, --days, --url`);
  if (value === undefined) fail(`${flag} needs a value`);
  if (name === 'url') options.url = value;
  else if (!/^\d+$/.test(value) || Number(value) < 1)
    fail(`${flag} must be a whole number, 1 or more`);
  else options[name] = Number(value);
}
const url = (options.url ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/$/, '');

const token = execFileSync(
  process.execPath,
  [join(__dirname, 'token.js'), '--role', 'police-system'],
  {
    encoding: 'utf8',
  },
).trim();

/* global fetch -- Node 18 and later have it */
async function send(notification) {
  const res = await fetch(`${url}/api/v1/police/notifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(notification),
  });
  return { status: res.status, body: await res.text() };
}

async function main() {
  const feed = syntheticFeed({
    seed: options.seed,
    children: options.children,
    days: options.days,
  });
  const counts = { recorded: 0, duplicate: 0, refused: 0 };
  const refusals = [];
  let next = 0;
  // Children in parallel, each child's notifications in the order they happened.
  const worker = async () => {
    while (next < feed.children.length) {
      for (const notification of feed.children[next++]) {
        const { status, body } = await send(notification);
        if (status === 202) counts.recorded++;
        else if (status === 200) counts.duplicate++;
        else {
          counts.refused++;
          refusals.push(`${notification.type} ${notification.policeReference}: ${status} ${body}`);
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: 8 }, worker));
  } catch (error) {
    fail(
      `could not reach Homeward at ${url} (${error.cause?.code ?? error.message}): is it running? npm start`,
    );
  }
  console.log(
    `demo:seed: ${feed.notifications.length} notifications for ${options.children} children to ${url}: ` +
      `${counts.recorded} recorded, ${counts.duplicate} already there, ${counts.refused} refused`,
  );
  if (refusals.length > 0) {
    console.error(refusals.slice(0, 10).join('\n'));
    process.exit(1);
  }
}

main();
