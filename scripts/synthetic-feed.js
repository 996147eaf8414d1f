// A seeded synthetic police feed (contract v1) with the shape of real missing-children work:
// ages peaking at 14 to 16, mostly MISSING with some ABSENT, a few children who go missing again
// and again, most children found within a day, some found notifications that arrive after the
// 72-hour deadline has passed. The same seed gives the same feed. Used by the bench
// (test/bench/throughput.bench.ts) and by `npm run demo:seed` to fill the embedded demo.
const { createHash } = require('node:crypto');

const HOUR = 3600_000;
const YEAR = 365.25 * 24 * HOUR;

/** mulberry32: a small seeded generator, so a feed can be reproduced exactly. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from [[value, weight], ...]. */
function weighted(random, choices) {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of choices) {
    if ((r -= w) < 0) return value;
  }
  return choices[choices.length - 1][0];
}

/** A UUID made from the seed and a name, so ids repeat with the feed. */
function uuidFrom(seed, name) {
  const h = createHash('sha256').update(`${seed}/${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// Age at the first episode: few under 12, most at 14 to 16.
const AGES = [
  [10, 1],
  [11, 2],
  [12, 4],
  [13, 7],
  [14, 11],
  [15, 13],
  [16, 11],
  [17, 5],
];
// Episodes per child over the period: most once, a few many times (repeat missing).
const EPISODES = [
  [1, 62],
  [2, 18],
  [3, 9],
  [4, 5],
  [5, 3],
  [6, 2],
  [8, 1],
];
const AUTHORITIES = ['Walsall', 'Sandwell', 'Dudley', 'Wolverhampton', 'Birmingham'];
const GIVEN = ['Jade', 'Kai', 'Amira', 'Leon', 'Chloe', 'Tyler', 'Priya', 'Jordan', 'Ella', 'Rio'];
const FAMILY = ['Example', 'Sample', 'Test', 'Placeholder', 'Fictional'];
const PLACES = [
  { description: 'Hotel, city centre', postcode: 'B1 1AA', premisesType: 'HOTEL' },
  { description: 'Takeaway, high street', postcode: 'WS1 1BB', premisesType: 'TAKEAWAY' },
  { description: "A friend's house", postcode: 'DY1 2CC', premisesType: 'HOUSE' },
  { description: 'Bus station', postcode: 'WV1 1DD', premisesType: 'TRANSPORT' },
  { description: 'Park by the canal', postcode: 'B70 3EE', premisesType: 'OPEN_SPACE' },
  { description: 'Flat above the shops', postcode: 'WS2 8FF', premisesType: 'FLAT' },
];

/** An ordinary address, numbered: the same number is the same place. */
const addressOf = (n) => ({
  description: `${n + 1} Example Road`,
  postcode: `WS${(n % 9) + 1} ${(n % 7) + 1}${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + ((n * 7) % 26))}`,
  premisesType: 'HOUSE',
});

/**
 * `children` children's notifications, each child's in the order they happened, over the
 * `days` before `now`. Returns { children: [[notification, ...], ...], notifications } where
 * `notifications` is every notification in the order a force would send them.
 */
function syntheticFeed({
  seed = 1,
  children = 100,
  days = 60,
  now = Date.now(),
  force = 'WMP',
} = {}) {
  const random = generator(seed);
  const perChild = [];
  for (let c = 0; c < children; c++) {
    const personId = `SYN-${seed}-${c}`;
    const age = weighted(random, AGES);
    const lookedAfter = random() < 0.35;
    const responsible = AUTHORITIES[Math.floor(random() * AUTHORITIES.length)];
    const placedElsewhere = lookedAfter && random() < 0.25;
    const child = {
      policePersonId: personId,
      givenName: GIVEN[Math.floor(random() * GIVEN.length)],
      familyName: FAMILY[Math.floor(random() * FAMILY.length)],
      // Born so that the child is still under 18 at the end of the period.
      dateOfBirth: new Date(
        now - days * 24 * HOUR - (age + random() * Math.min(1, 17.99 - age - days / 365.25)) * YEAR,
      )
        .toISOString()
        .slice(0, 10),
      sex: random() < 0.6 ? 'F' : 'M',
      responsibleLocalAuthority: responsible,
      lookedAfter,
      knownToSocialCare: lookedAfter || random() < 0.3,
      learningDisability: random() < 0.08,
      ...(placedElsewhere
        ? { placementLocalAuthority: AUTHORITIES[(AUTHORITIES.indexOf(responsible) + 1) % 5] }
        : {}),
    };
    const homeAddress = addressOf(1000 + c);
    const episodes = weighted(random, EPISODES);
    const notifications = [];
    // The child's episodes, one after another, in the period.
    let at = now - days * 24 * HOUR + random() * (days / episodes) * 24 * HOUR;
    for (let e = 0; e < episodes && at < now - 2 * HOUR; e++) {
      const reference = `SYN-${seed}-${c}-${e}`;
      const absent = random() < 0.2;
      const lastSeen = at;
      const reportedAt = lastSeen + (0.5 + random() * 3) * HOUR;
      if (reportedAt > now - HOUR) break;
      notifications.push({
        notificationId: uuidFrom(seed, `${reference}/missing`),
        type: 'MISSING_REPORTED',
        force,
        policeReference: reference,
        occurredAt: new Date(lastSeen).toISOString(),
        classification: absent ? 'ABSENT' : 'MISSING',
        riskLevel: absent
          ? weighted(random, [
              ['VERY_LOW', 3],
              ['LOW', 1],
            ])
          : weighted(random, [
              ['HIGH', 12],
              ['MEDIUM', 55],
              ['LOW', 33],
            ]),
        cseConcern: random() < 0.08,
        child,
        lastSeenLocation: { description: 'Outside school', postcode: 'WS1 1AA' },
        sentAt: reportedAt,
      });
      // Most are found, usually within a day; a few are away for days.
      const foundAfter = random() < 0.9 ? (1 + random() * 23) * HOUR : (24 + random() * 96) * HOUR;
      const foundAt = reportedAt + foundAfter;
      const returnedAt = foundAt + random() * 2 * HOUR;
      // Some forces send the found notification days late: after the 72-hour deadline.
      const late = random() < 0.04;
      const sentAt = late ? returnedAt + (73 + random() * 48) * HOUR : returnedAt + random() * HOUR;
      if (random() < 0.95 && sentAt < now) {
        // Most are found at home or at another ordinary address; a few at the places CMOG
        // would want to see (hotels, takeaways, a bus station), where patterns form.
        const place = weighted(random, [
          [homeAddress, 50],
          [addressOf(Math.floor(random() * 500)), 30],
          [PLACES[Math.floor(random() * PLACES.length)], 20],
        ]);
        notifications.push({
          notificationId: uuidFrom(seed, `${reference}/found`),
          type: 'CHILD_FOUND',
          force,
          policeReference: reference,
          occurredAt: new Date(foundAt).toISOString(),
          returnedAt: new Date(returnedAt).toISOString(),
          foundLocation: { ...place, localAuthority: responsible },
          foundWith: random() < 0.3 ? [{ description: 'Two older teenagers, not named' }] : [],
          returnedTo: lookedAfter ? 'PLACEMENT' : 'HOME',
          sentAt,
        });
        at = Math.max(sentAt, returnedAt) + (2 + random() * (days / episodes)) * 24 * HOUR;
      } else {
        break; // still missing: no further episode until found
      }
    }
    perChild.push(notifications);
  }
  const strip = ({ sentAt: _sentAt, ...notification }) => notification;
  const all = perChild
    .flat()
    .sort((a, b) => a.sentAt - b.sentAt)
    .map(strip);
  return { children: perChild.map((list) => list.map(strip)), notifications: all };
}

module.exports = { syntheticFeed };
