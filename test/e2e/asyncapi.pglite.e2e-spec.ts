import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { CommandBus } from '@nestjs/cqrs';
import {
  ALERT_AUDIENCES,
  ALERT_EVENT_TYPES,
  ALERT_TYPES,
  CLASSIFICATIONS,
  CMOG_ACTION_EVENT_TYPES,
  CMOG_MEETING_EVENT_TYPES,
  EPISODE_EVENT_TYPES,
  INFORMATION_REPORT_EVENT_TYPES,
  POLICE_RISK_GRADES,
  RETURN_INTERVIEW_EVENT_TYPES,
  RETURNED_TO,
  type AlertRaised,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { BusMessage, ConsumerOptions, MessageBus } from '@homeward/messaging';
import {
  POLICE_NOTIFICATIONS_DLQ,
  POLICE_NOTIFICATIONS_TOPIC,
  SAFEGUARDING_ALERTS_TOPIC,
  eventTopic,
  toEventMessage,
  topicForEventType,
} from '@homeward/platform';
import { parsePoliceNotification } from '../../libs/intake/src/contract/parse-police-notification';
import { PoliceNotificationConsumer } from '../../libs/intake/src/police-topic/police-notification.consumer';
import {
  alertDocumentOf,
  alertMessage,
} from '../../libs/safeguarding/src/alert-delivery/alert-document';
import { api, eventually, startHomeward, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported, riskRegraded } from '../support/notifications';

/**
 * docs/asyncapi.yaml is the Kafka contract. It must be a valid AsyncAPI 3 document, its police
 * notification schema must accept and refuse what the contract's own validation does, and the
 * messages Homeward really publishes (recorded events, alerts, dead letters) must match it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const DOC_PATH = join(__dirname, '..', '..', 'docs', 'asyncapi.yaml');
const source = readFileSync(DOC_PATH, 'utf8');
const doc = parseYaml(source) as Json;
// AsyncAPI schemas are JSON Schema draft-07 plus a few keywords (discriminator) ajv does not know.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(doc, 'asyncapi');
const schema = (name: string): ValidateFunction =>
  ajv.compile({ $ref: `asyncapi#/components/schemas/${name}` });
const messageOf = (channel: string): Json => {
  const [ref] = Object.values(doc.channels[channel].messages as Record<string, { $ref: string }>);
  return doc.components.messages[ref.$ref.split('/').pop()!] as Json;
};
const compileWithRefs = (part: Json): ValidateFunction =>
  ajv.compile(JSON.parse(JSON.stringify(part).replace(/"#\/components/g, '"asyncapi#/components')));
const errorsOf = (validate: ValidateFunction, value: unknown) =>
  validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const receivedAt = new Date().toISOString();
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

describe('docs/asyncapi.yaml', () => {
  it('is a valid AsyncAPI 3 document (and the parser does refuse a broken one)', async () => {
    const parser = new Parser();
    const { document, diagnostics } = await parser.parse(source);
    expect(
      diagnostics
        .filter((d) => Number(d.severity) === Number(DiagnosticSeverity.Error))
        .map((d) => d.message),
    ).toEqual([]);
    expect(document?.version()).toMatch(/^3\./);
    const broken = await parser.parse(source.replace("'#/components/schemas/Uuid'", "'#/nowhere'"));
    expect(
      broken.diagnostics.some((d) => Number(d.severity) === Number(DiagnosticSeverity.Error)),
    ).toBe(true);
  });

  it('names the topics Homeward uses', () => {
    const addresses = Object.values(doc.channels as Record<string, { address: string }>).map(
      (c) => c.address,
    );
    expect(addresses.sort()).toEqual(
      [
        POLICE_NOTIFICATIONS_TOPIC,
        POLICE_NOTIFICATIONS_DLQ,
        eventTopic('intake'),
        eventTopic('episodes'),
        eventTopic('interviews'),
        eventTopic('safeguarding'),
        SAFEGUARDING_ALERTS_TOPIC,
      ].sort(),
    );
  });

  it("lists exactly the domain's event types, alert types and audiences, and the contract's enums", () => {
    const typesOn = (message: string) =>
      [
        ...(doc.components.messages[message].payload.allOf[1].properties.type.enum as string[]),
      ].sort();
    expect(typesOn('EpisodeEvent')).toEqual([...EPISODE_EVENT_TYPES].sort());
    expect(typesOn('InterviewEvent')).toEqual([...RETURN_INTERVIEW_EVENT_TYPES].sort());
    expect(typesOn('SafeguardingEvent')).toEqual(
      [
        ...ALERT_EVENT_TYPES,
        ...CMOG_MEETING_EVENT_TYPES,
        ...CMOG_ACTION_EVENT_TYPES,
        ...INFORMATION_REPORT_EVENT_TYPES,
      ].sort(),
    );
    const schemas = doc.components.schemas as Json;
    expect([...schemas.AlertType.enum].sort()).toEqual([...ALERT_TYPES].sort());
    expect([...schemas.AlertAudience.enum].sort()).toEqual([...ALERT_AUDIENCES].sort());
    expect(schemas.Classification.enum).toEqual([...CLASSIFICATIONS]);
    expect(schemas.PoliceRiskGrade.enum).toEqual([...POLICE_RISK_GRADES]);
    expect(schemas.ChildFound.allOf[1].properties.returnedTo.enum).toEqual([...RETURNED_TO]);
  });
});

describe('the police notification schema agrees with the contract v1 validation', () => {
  const validate = schema('PoliceNotification');
  const missing = missingReported({ occurredAt: hoursAgo(30) });
  const valid: Array<[string, Json]> = [
    ['MISSING_REPORTED', missing],
    ['MISSING_REPORTED, legacy grade', { ...missing, riskLevel: 'NO_APPARENT_RISK' }],
    ['RISK_REGRADED', riskRegraded(missing)],
    ['CHILD_FOUND', childFound(missing)],
    [
      'CHILD_FOUND, fewest fields',
      {
        ...childFound(missing),
        foundWith: undefined,
        returnedTo: undefined,
        returnedAt: undefined,
      },
    ],
    [
      'REPORT_CANCELLED',
      {
        notificationId: missing.notificationId,
        type: 'REPORT_CANCELLED',
        force: 'WMP',
        policeReference: 'MP-1',
        occurredAt: hoursAgo(1),
        reason: 'made in error',
      },
    ],
  ];
  const invalid: Array<[string, Json]> = [
    ['unknown type', { ...missing, type: 'CHILD_LOST' }],
    ['no notificationId', { ...missing, notificationId: undefined }],
    ['notificationId not a UUID', { ...missing, notificationId: 'abc' }],
    ['force in lower case', { ...missing, force: 'wmp' }],
    ['time without offset', { ...missing, occurredAt: '2026-11-20T21:30:00' }],
    ['unknown classification', { ...missing, classification: 'RUNAWAY' }],
    ['no child', { ...missing, child: undefined }],
    ['child without a family name', { ...missing, child: { ...missing.child, familyName: '' } }],
    [
      'date of birth not a date',
      { ...missing, child: { ...missing.child, dateOfBirth: '14/03/2011' } },
    ],
    ['circumstances too long', { ...missing, circumstances: 'x'.repeat(4001) }],
    ['found with nobody recognisable', { ...childFound(missing), foundWith: [{}] }],
    ['found without a location', { ...childFound(missing), foundLocation: undefined }],
    ['returned to somewhere unknown', { ...childFound(missing), returnedTo: 'HOSPITAL' }],
    ['regraded without a rationale', { ...riskRegraded(missing), rationale: undefined }],
  ];

  it.each(valid)('accepts a valid %s, as the contract does', (_name, body) => {
    const clean = JSON.parse(JSON.stringify(body)) as Json;
    expect(parsePoliceNotification(clean, receivedAt)).toMatchObject({ ok: true });
    expect(errorsOf(validate, clean)).toEqual([]);
  });

  it.each(invalid)('refuses %s, as the contract does', (_name, body) => {
    const clean = JSON.parse(JSON.stringify(body)) as Json;
    expect(parsePoliceNotification(clean, receivedAt)).toMatchObject({ ok: false });
    expect(validate(clean)).toBe(false);
  });
});

describe('the messages Homeward publishes match the document', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'homeward-asyncapi-'));
  let app: INestApplication;
  const police = `Bearer ${tokenFor('police-system')}`;
  const coordinator = `Bearer ${tokenFor('ri-coordinator')}`;
  const worker = `Bearer ${tokenFor('ri-worker', undefined, 'streetwise-worker-1')}`;

  beforeAll(async () => {
    app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
    const missing = missingReported({ occurredAt: hoursAgo(30), riskLevel: 'HIGH' });
    const post = (path: string, as: string, body: object) =>
      api(app).post(path).set('Authorization', as).send(body);
    const childId = (await post('/api/v1/police/notifications', police, missing).expect(202)).body
      .childId as string;
    await post('/api/v1/police/notifications', police, riskRegraded(missing)).expect(202);
    await post('/api/v1/police/notifications', police, childFound(missing)).expect(202);
    const interview = await eventually(async () => {
      const res = await api(app)
        .get('/api/v1/interviews')
        .set('Authorization', coordinator)
        .expect(200);
      const item = (res.body as Json[]).find((i) => i.childId === childId);
      if (!item) throw new Error('not scheduled yet');
      return item;
    });
    const url = `/api/v1/interviews/${interview.interviewId}`;
    await post(`${url}/allocate`, coordinator, { workerId: 'streetwise-worker-1' }).expect(200);
    await post(`${url}/complete`, worker, {
      conductedAt: hoursAgo(0.5),
      screening: {
        significant: [{ code: 'HOTELS_TAXIS_FAST_FOOD', when: 'CURRENT' }],
        medium: [],
        vulnerabilities: [],
      },
      locationsVisited: [],
      associates: [],
      pushFactors: 'p',
      pullFactors: 'p',
      childsVoice: 'v',
      disclosures: 'none',
    }).expect(200);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const CHANNEL_OF_TOPIC = new Map(
    Object.entries(doc.channels as Record<string, { address: string }>).map(([name, c]) => [
      c.address,
      name,
    ]),
  );

  it('every recorded event, as forwarded, matches its topic message: headers and payload', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const events = await eventually(async () => {
      const all = await store.readAll({ after: 0, maxCount: 10_000 });
      if (all.filter((e) => e.type === 'AlertRaised').length < 3) throw new Error('no alerts yet');
      return all;
    });
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const event of events) {
      const message = toEventMessage(event);
      const topic = topicForEventType(event.type);
      const spec = messageOf(CHANNEL_OF_TOPIC.get(topic)!);
      for (const [part, value] of [
        ['headers', message.headers],
        ['payload', JSON.parse(message.value)],
      ] as const) {
        const errors = errorsOf(compileWithRefs(spec[part] as Json), value);
        if (errors.length) problems.push(`${event.type} ${part}: ${errors.join('; ')}`);
      }
      seen.add(event.type);
    }
    expect(problems).toEqual([]);
    // And the check bites: a message off the contract fails it.
    const payload = compileWithRefs(messageOf('episodeEvents').payload as Json);
    const found = toEventMessage(events.find((e) => e.type === 'ChildFound')!);
    expect(payload({ ...JSON.parse(found.value), type: 'AlertRaised' })).toBe(false);
    expect(payload({ ...JSON.parse(found.value), streamVersion: 0 })).toBe(false);
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'PoliceNotificationReceived',
        'MissingEpisodeReported',
        'EpisodeRiskRegraded',
        'ChildFound',
        'ReturnInterviewScheduled',
        'ReturnInterviewAllocated',
        'ReturnInterviewHeld',
        'AlertRaised',
      ]),
    );
  });

  it('every alert document on safeguarding.alerts.v1 matches the Alert message', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const raised = (await store.readAll({ after: 0, maxCount: 10_000 })).filter(
      (e) => e.type === 'AlertRaised',
    );
    expect(raised.length).toBeGreaterThanOrEqual(3);
    const spec = messageOf('safeguardingAlerts');
    for (const event of raised) {
      const message = alertMessage(alertDocumentOf(event as unknown as AlertRaised));
      expect(errorsOf(compileWithRefs(spec.headers as Json), message.headers)).toEqual([]);
      expect(errorsOf(compileWithRefs(spec.payload as Json), JSON.parse(message.value))).toEqual(
        [],
      );
    }
  });
});

describe('a dead-lettered police message matches the DLQ message', () => {
  it.each([
    ['MALFORMED', '{not json'],
    ['INVALID', JSON.stringify({ type: 'MISSING_REPORTED' })],
  ])('%s', async (reason, value) => {
    let handle!: ConsumerOptions['handle'];
    const published: BusMessage[] = [];
    const bus = {
      consume: async (o: ConsumerOptions) => {
        handle = o.handle;
        return { joined: Promise.resolve(), stop: async () => undefined };
      },
      publish: async (_topic: string, messages: BusMessage[]) => {
        published.push(...messages);
      },
    } as unknown as MessageBus;
    const store = { headPosition: async () => 0 } as unknown as EventStore;
    const consumer = new PoliceNotificationConsumer({} as CommandBus, store, bus);
    await consumer.onApplicationBootstrap();
    await handle({
      topic: POLICE_NOTIFICATIONS_TOPIC,
      partition: 2,
      offset: '41',
      key: 'WMP/MP-1',
      value,
      headers: {},
    });
    expect(published).toHaveLength(1);
    const spec = messageOf('policeNotificationsDeadLetters');
    expect(errorsOf(compileWithRefs(spec.headers as Json), published[0].headers)).toEqual([]);
    expect(published[0].headers?.['x-error-reason']).toBe(reason);
    expect(published[0].value).toBe(value);
  });
});
