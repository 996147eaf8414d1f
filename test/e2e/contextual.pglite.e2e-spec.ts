import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childIdFor } from '@homeward/domain';
import { configureHttp, EventProcessing, type HomewardConfig } from '@homeward/platform';
import { HomewardModule } from '../../apps/homeward/src/app.module';
import { ContextualSafeguardingModule } from '../../libs/safeguarding/src/contextual/contextual-safeguarding.module';
import { CHILD_K, FORCE, HOTEL } from '../../libs/domain/src/scenarios/child-j.story';
import { api, eventually, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingFromHome } from '../support/notifications';

/**
 * Contextual safeguarding over HTTP on the embedded default: places where several children are
 * found become hotspots for CMOG; Child J, found at a hotel with Child K and naming her at
 * interview, is linked to K (already of concern) for both; a link recorded before either child
 * was of concern is raised when one becomes so; and a child's timeline as Homeward knew it then.
 */
// Response bodies are read field by field in assertions; a loose type keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

@Module({})
class ContextualTestModule {
  static forRoot(config: HomewardConfig): DynamicModule {
    return {
      module: ContextualTestModule,
      imports: [HomewardModule.forRoot(config), ContextualSafeguardingModule],
    };
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'homeward-contextual-'));
let app: INestApplication;

const police = `Bearer ${tokenFor('police-system')}`;
const coordinator = `Bearer ${tokenFor('ri-coordinator', undefined, 'coordinator-ann')}`;
const worker = `Bearer ${tokenFor('ri-worker', undefined, 'streetwise-worker-1')}`;
const manager = `Bearer ${tokenFor('safeguarding-manager', undefined, 'manager-sue')}`;
const cmog = `Bearer ${tokenFor('cmog-member', undefined, 'cmog-dev')}`;
const chair = `Bearer ${tokenFor('cmog-chair', undefined, 'cmog-chair')}`;
const socialCare = `Bearer ${tokenFor('social-care', undefined, 'sw-amy')}`;

beforeAll(async () => {
  app = await NestFactory.create(
    ContextualTestModule.forRoot(testConfig({ kind: 'pglite', dataDir })),
    { bodyParser: false, logger: ['error'], abortOnError: false },
  );
  configureHttp(app);
  await app.init();
});
afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const BLAMING = /lifestyle|choice|prostitut|consent/i;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const daysAgo = (d: number) => hoursAgo(d * 24);
const bornYearsAgo = (years: number) => daysAgo(years * 365.25 + 30).slice(0, 10);

const send = (body: object) =>
  api(app).post('/api/v1/police/notifications').set('Authorization', police).send(body);
const get = (path: string, as: string) => api(app).get(path).set('Authorization', as);
const post = (path: string, as: string, body: object) =>
  api(app).post(path).set('Authorization', as).send(body);

/** Waits until every projection and reactor has handled everything written so far. */
const settled = () => app.get(EventProcessing).waitUntilSettled();

const alerts = async (query: string, as = cmog): Promise<Json[]> =>
  (await get(`/api/v1/alerts${query}`, as).expect(200)).body as Json[];

interface Reported {
  missing: Json;
  childId: string;
  episodeId: string;
}

function missingChild(policePersonId: string, age: number, lastSeenDaysAgo: number): Json {
  const base = missingFromHome({ occurredAt: daysAgo(lastSeenDaysAgo) });
  return {
    ...base,
    force: FORCE,
    child: {
      ...base.child,
      policePersonId,
      dateOfBirth: bornYearsAgo(age),
      responsibleLocalAuthority: 'Birmingham',
    },
  };
}

async function report(missing: Json): Promise<Reported> {
  const res = await send(missing).expect(202);
  return { missing, childId: res.body.childId, episodeId: res.body.episodeId };
}

async function found(child: Reported, foundDaysAgo: number, found: Json): Promise<void> {
  await send(
    childFound(child.missing as { policeReference: string }, {
      occurredAt: daysAgo(foundDaysAgo),
      returnedAt: daysAgo(foundDaysAgo - 0.05),
      ...found,
    }),
  ).expect(202);
}

/** Allocates the child's interview and records it, with the screening given. */
async function interview(child: Reported, record: Json): Promise<void> {
  const item = await eventually(async () => {
    const list = (await get('/api/v1/interviews', coordinator).expect(200)).body as Json[];
    const mine = list.find((i) => i.episodeId === child.episodeId);
    if (!mine) throw new Error('interview not scheduled yet');
    return mine;
  });
  const url = `/api/v1/interviews/${item.interviewId}`;
  await post(`${url}/allocate`, coordinator, { workerId: 'streetwise-worker-1' }).expect(200);
  await post(`${url}/complete`, worker, {
    conductedAt: hoursAgo(0.5),
    locationsVisited: [],
    associates: [],
    pushFactors: 'Not explored yet',
    pullFactors: 'Not explored yet',
    childsVoice: 'Said she wanted to talk to someone she felt safe with',
    disclosures: 'None today',
    ...record,
  }).expect(200);
}

const SIGNIFICANT = {
  significant: [{ code: 'HOTELS_TAXIS_FAST_FOOD', when: 'CURRENT' }],
  medium: ['ALCOHOL_MISUSE'],
  vulnerabilities: [],
};

describe('a place where three children are found within 90 days is a hotspot for CMOG', () => {
  const inn = (postcode: string) => ({
    description: 'Travel inn by the ring road',
    postcode,
    premisesType: 'HOTEL',
    localAuthority: 'Birmingham',
  });

  beforeAll(async () => {
    // The same place, written three ways, over two months; then a fourth child.
    const written = ['B4 7XG', 'b47xg', ' b4  7XG '];
    for (const [i, postcode] of written.entries()) {
      const child = await report(missingChild(`HOT-${i}-${Date.now()}`, 15, 70 - i * 30));
      await found(child, 69 - i * 30, { foundLocation: inn(postcode), foundWith: [] });
    }
    await settled();
  });

  it('raises one HOTSPOT to CMOG for the place, in plain words, with no child named', async () => {
    const hotspots = await eventually(async () => {
      const list = await alerts('?type=HOTSPOT');
      if (list.length === 0) throw new Error('not raised yet');
      return list;
    });
    expect(hotspots).toHaveLength(1);
    expect(hotspots[0]).toMatchObject({
      type: 'HOTSPOT',
      audience: 'CMOG',
      childId: null,
      localAuthority: 'Birmingham',
      status: 'OPEN',
    });
    const reasons = (hotspots[0].reasons as string[]).join(' ');
    expect(reasons).toContain('3 different children');
    expect(reasons).toContain('postcode B4 7XG (hotel)');
    expect(reasons).not.toMatch(BLAMING);
    expect(reasons).not.toContain('Jade');
  });

  it('raises nothing new for a fourth child while the pattern goes on', async () => {
    const fourth = await report(missingChild(`HOT-3-${Date.now()}`, 16, 3));
    await found(fourth, 2, { foundLocation: inn('B4 7XG'), foundWith: [] });
    await settled();
    const place = await eventually(async () => {
      const list = (await get('/api/v1/cmog/hotspots', cmog).expect(200)).body as Json[];
      const inn = list.find((p) => p.place === 'B4 7XG');
      if (!inn || inn.children.length < 4) throw new Error('not projected yet');
      return inn;
    });
    expect(place.children).toContain(fourth.childId);
    expect(await alerts('?type=HOTSPOT')).toHaveLength(1);
  });

  it('lists the places, most children first, by child id only', async () => {
    const res = await get('/api/v1/cmog/hotspots', chair).expect(200);
    const list = res.body as Json[];
    expect(list[0]).toEqual({
      place: 'B4 7XG',
      postcode: 'B4 7XG',
      description: 'Travel inn by the ring road',
      premisesTypes: ['HOTEL'],
      children: expect.any(Array),
      sightings: 4,
      firstSeenAt: daysAgoIsoDay(69),
      lastSeenAt: expect.any(String),
    });
    expect(new Set(list[0].children).size).toBe(4);
    expect(JSON.stringify(res.body)).not.toMatch(/Jade|Example/);
    await get('/api/v1/cmog/hotspots', manager).expect(200);
    await get('/api/v1/cmog/hotspots', worker).expect(403);
    await get('/api/v1/cmog/hotspots', socialCare).expect(403);
  });
});

/** The ISO time `days` ago, matched to the minute (the notification was sent moments ago). */
const daysAgoIsoDay = (days: number) =>
  expect.stringMatching(new RegExp(`^${daysAgo(days).slice(0, 15)}`));

describe('Child J, found at a hotel with Child K and naming her at interview', () => {
  const J_ID = 'WMP-P-2024-0141';
  const K_ID = CHILD_K.policePersonId!;
  let j: Reported;
  let k: Reported;

  beforeAll(async () => {
    // K (17) is already of concern: screened SIGNIFICANT at her own return interview.
    k = await report(missingChild(K_ID, 17, 10));
    await found(k, 9, {
      foundLocation: { description: 'Bus station', postcode: 'B5 6DD' },
      foundWith: [],
    });
    await interview(k, { screening: SIGNIFICANT });
    // J (14) goes missing, and is found at the hotel with K.
    j = await report(missingChild(J_ID, 14, 6));
    await found(j, 2, { foundLocation: HOTEL, foundWith: [CHILD_K] });
    await interview(j, {
      screening: SIGNIFICANT,
      locationsVisited: [{ description: HOTEL.description, postcode: HOTEL.postcode }],
      associates: [
        { name: 'Child K', policePersonId: K_ID, relationship: 'Friend, aged 17' },
        { description: 'Two older males, friends of Child K', relationship: 'Not known to J' },
      ],
    });
    await settled();
  });

  it('makes the hotel a hotspot for CMOG once a third child is found there', async () => {
    // Two more children found at the hotel J was found at (J, then L and M): three in 90 days.
    for (const id of ['WMP-P-2024-0150', 'WMP-P-2024-0151']) {
      const other = await report(missingChild(id, 15, 4));
      await found(other, 1, { foundLocation: HOTEL, foundWith: [] });
    }
    const hotspot = await eventually(async () => {
      const list = (await alerts('?type=HOTSPOT')).filter((a) =>
        (a.reasons as string[]).join(' ').includes(HOTEL.postcode!),
      );
      if (list.length === 0) throw new Error('no hotspot for the hotel yet');
      return list;
    });
    expect(hotspot).toHaveLength(1);
    expect(hotspot[0].audience).toBe('CMOG');
    const places = (
      await api(app).get('/api/v1/cmog/hotspots').set('Authorization', cmog).expect(200)
    ).body as Json[];
    const hotel = places.find((p) => p.postcode === HOTEL.postcode)!;
    expect(hotel.children).toEqual(expect.arrayContaining([j.childId]));
    expect((hotel.children as string[]).length).toBeGreaterThanOrEqual(3);
  });

  it('uses the children Homeward knows: J and K by their police person ids', () => {
    expect(j.childId).toBe(childIdFor(FORCE, J_ID));
    expect(k.childId).toBe(childIdFor(FORCE, K_ID));
  });

  it("refers J to children's social care, asks for a strategy meeting and lists her for CMOG", async () => {
    const forJ = await eventually(async () => {
      const list = await alerts(`?childId=${j.childId}`, manager);
      const types = new Set(list.map((a) => a.type as string));
      for (const t of [
        'SOCIAL_CARE_REFERRAL_REQUIRED',
        'STRATEGY_MEETING_REQUIRED',
        'CMOG_LISTING',
      ]) {
        if (!types.has(t)) throw new Error(`no ${t} for J yet`);
      }
      return list;
    });
    const referral = forJ.find((a) => a.type === 'SOCIAL_CARE_REFERRAL_REQUIRED')!;
    expect(referral.audience).toBe('SOCIAL_CARE');
    expect(referral.dueBy).toEqual(expect.any(String));
    expect(forJ.find((a) => a.type === 'CMOG_LISTING')!.audience).toBe('CMOG');
    const text = forJ
      .flatMap((a) => a.reasons as string[])
      .join(' ')
      .toLowerCase();
    for (const word of ['lifestyle', 'choice', 'prostitute', 'consent', 'promiscuous']) {
      expect(text).not.toContain(word);
    }
  });

  it('raises ASSOCIATION to CMOG for both children, for the found notification and the interview', async () => {
    const forJ = await eventually(async () => {
      const list = await alerts(`?type=ASSOCIATION&childId=${j.childId}`);
      if (list.length < 2) throw new Error('not raised yet');
      return list;
    });
    const forK = await alerts(`?type=ASSOCIATION&childId=${k.childId}`);
    expect(forJ).toHaveLength(2);
    expect(forK).toHaveLength(2);
    for (const alert of [...forJ, ...forK]) {
      expect(alert).toMatchObject({ audience: 'CMOG', localAuthority: 'Birmingham' });
      const reasons = (alert.reasons as string[]).join(' ');
      expect(reasons).not.toMatch(BLAMING);
      // Names and descriptions stay in the read model.
      expect(reasons).not.toMatch(/Child K|older males|Friend, aged 17|Jade|Example/);
    }
    const jReasons = forJ.flatMap((a) => a.reasons as string[]).join(' ');
    expect(jReasons).toContain(`child ${k.childId}`);
    expect(jReasons).toContain('SIGNIFICANT risk');
    expect(jReasons).toContain('this child named another child known to Homeward');
    const kReasons = forK.flatMap((a) => a.reasons as string[]).join(' ');
    expect(kReasons).toContain(`When the police found child ${j.childId}`);
    expect(kReasons).toContain('named this child as someone they were with');
  });

  it("lists K, and the people J could not name, under J's associations", async () => {
    const list = (await get(`/api/v1/children/${j.childId}/associations`, socialCare).expect(200))
      .body as Json[];
    expect(list).toEqual(
      expect.arrayContaining([
        {
          childId: k.childId,
          policePersonId: K_ID,
          name: 'Child K',
          description: 'Friend, aged 17',
          source: 'FOUND_WITH',
          recordedOn: 'THIS_CHILD',
          seenAt: expect.any(String),
        },
        {
          childId: k.childId,
          policePersonId: K_ID,
          name: 'Child K',
          relationship: 'Friend, aged 17',
          source: 'NAMED_AT_INTERVIEW',
          recordedOn: 'THIS_CHILD',
          seenAt: expect.any(String),
        },
        {
          childId: null,
          policePersonId: null,
          description: 'Two older males, friends of Child K',
          relationship: 'Not known to J',
          source: 'NAMED_AT_INTERVIEW',
          recordedOn: 'THIS_CHILD',
          seenAt: expect.any(String),
        },
      ]),
    );
    expect(list).toHaveLength(3);
  });

  it("lists J under K's associations, by id only", async () => {
    const list = (await get(`/api/v1/children/${k.childId}/associations`, cmog).expect(200))
      .body as Json[];
    expect(list.map((a) => a.source).sort()).toEqual(['FOUND_WITH', 'NAMED_AT_INTERVIEW']);
    for (const a of list) {
      expect(a).toEqual({
        childId: j.childId,
        policePersonId: J_ID,
        source: a.source,
        recordedOn: 'OTHER_CHILD',
        seenAt: expect.any(String),
      });
    }
  });

  it('lets CMOG, social care and managers read associations, and nobody else', async () => {
    await get(`/api/v1/children/${j.childId}/associations`, chair).expect(200);
    await get(`/api/v1/children/${j.childId}/associations`, manager).expect(200);
    await get(`/api/v1/children/${j.childId}/associations`, worker).expect(403);
    await get(`/api/v1/children/not-a-uuid/associations`, cmog).expect(400);
    await get(`/api/v1/children/4b1d3c5e-0000-4000-8000-000000000000/associations`, cmog).expect(
      404,
    );
  });
});

describe('an association recorded before either child was of concern', () => {
  let l: Reported;
  let m: Reported;

  beforeAll(async () => {
    m = await report(missingChild(`M-${Date.now()}`, 15, 5));
    await found(m, 4, { foundLocation: { description: 'Park by the canal' }, foundWith: [] });
    l = await report(missingChild(`L-${Date.now()}`, 15, 3));
    await found(l, 2, {
      foundLocation: { description: 'Takeaway on the high street', postcode: 'B9 4QQ' },
      foundWith: [{ policePersonId: m.missing.child.policePersonId, name: 'M' }],
    });
    await settled();
  });

  it('raises nothing while neither child is of concern', async () => {
    expect(await alerts(`?type=ASSOCIATION&childId=${l.childId}`)).toEqual([]);
    const list = (await get(`/api/v1/children/${m.childId}/associations`, cmog).expect(200))
      .body as Json[];
    expect(list).toEqual([expect.objectContaining({ childId: l.childId, source: 'FOUND_WITH' })]);
  });

  it('raises it for both when one of them is screened SIGNIFICANT', async () => {
    await interview(m, { screening: SIGNIFICANT });
    await settled();
    const forL = await eventually(async () => {
      const list = await alerts(`?type=ASSOCIATION&childId=${l.childId}`);
      if (list.length === 0) throw new Error('not raised yet');
      return list;
    });
    expect(forL).toHaveLength(1);
    expect(forL[0].reasons.join(' ')).toContain(`The other child (child ${m.childId})`);
    expect(await alerts(`?type=ASSOCIATION&childId=${m.childId}`)).toHaveLength(1);
  });
});

describe("a child's timeline as Homeward knew it at a moment", () => {
  let child: Reported;
  let beforeFound: string;

  const timeline = (query = '') =>
    get(`/api/v1/children/${child.childId}/timeline${query}`, manager);

  beforeAll(async () => {
    child = await report(missingChild(`T-${Date.now()}`, 15, 1));
    const entries = await eventually(async () => {
      const list = (await timeline().expect(200)).body as Json[];
      if (list.length === 0) throw new Error('not projected yet');
      return list;
    });
    beforeFound = entries[entries.length - 1].recordedAt as string;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await found(child, 0.5, {
      foundLocation: { description: 'Service station', postcode: 'B8 1AA' },
      foundWith: [],
    });
    await settled();
  });

  it('shows only what had been recorded before the found notification', async () => {
    const before = (await timeline(`?asOf=${encodeURIComponent(beforeFound)}`).expect(200))
      .body as Json[];
    expect(before.map((e) => e.type)).toContain('MissingEpisodeReported');
    expect(before.map((e) => e.type)).not.toContain('ChildFound');
    for (const entry of before) {
      expect(Date.parse(entry.recordedAt)).toBeLessThanOrEqual(Date.parse(beforeFound));
    }
  });

  it('shows the found notification after it, an offset being any offset', async () => {
    const all = (await timeline().expect(200)).body as Json[];
    const foundAt = all.find((e) => e.type === 'ChildFound')!.recordedAt as string;
    // The same moment written in UTC+01:00.
    const plusOne = new Date(Date.parse(foundAt) + 3600_000).toISOString().replace('Z', '+01:00');
    const after = (await timeline(`?asOf=${encodeURIComponent(plusOne)}`).expect(200))
      .body as Json[];
    expect(after.map((e) => e.type)).toContain('ChildFound');
    expect(after.length).toBeLessThanOrEqual(all.length);
    expect(after).toEqual(all.slice(0, after.length));
  });

  it('is empty before Homeward knew of the child, and 404 for a child it never knew', async () => {
    expect((await timeline('?asOf=2020-01-01T00:00:00Z').expect(200)).body).toEqual([]);
    await get(
      '/api/v1/children/4b1d3c5e-0000-4000-8000-000000000000/timeline?asOf=2026-01-01T00:00:00Z',
      manager,
    ).expect(404);
  });

  it.each(['yesterday', '2026-11-20T21:30:00', '2026-02-30T10:00:00Z', ''])(
    'refuses asOf=%p, naming asOf',
    async (asOf) => {
      const res = await timeline(`?asOf=${encodeURIComponent(asOf)}`).expect(400);
      expect(res.body.errors).toEqual([{ field: 'asOf', message: expect.any(String) }]);
    },
  );
});
