import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { BusMessage, ConsumedMessage, ConsumerOptions, MessageBus } from '@homeward/messaging';
import { configureHttp, EventProcessing, type Projection } from '@homeward/platform';
import { HomewardModule } from '../../apps/homeward/src/app.module';
import { PoliceNotificationConsumer } from '../../libs/intake/src/police-topic/police-notification.consumer';
import { api, eventually, testConfig, tokenFor } from '../support/homeward-app';
import { childFound, missingReported } from '../support/notifications';

/** Names and text nobody else uses: any of them in a log line is a leak. */
const GIVEN = 'Zebediah';
const FAMILY = 'Quillfeather-Marchbanks';
const DESCRIPTION = 'Behind the Thistlewood launderette';
const CIRCUMSTANCES = 'Left with Ignatius Fairweather-Blyth';
const COMPANION = 'Persimmon Oakenshott';
const PERSONAL = [GIVEN, FAMILY, DESCRIPTION, CIRCUMSTANCES, COMPANION];

const NOTIFICATIONS = '/api/v1/police/notifications';
const dataDir = mkdtempSync(join(tmpdir(), 'homeward-logs-'));
const lines: string[] = [];

/** A notification about the distinctive child, with their name wherever the contract has text. */
const aboutTheChild = () => {
  const base = missingReported();
  return {
    ...base,
    child: { ...base.child, givenName: GIVEN, familyName: FAMILY },
    lastSeenLocation: { description: DESCRIPTION, postcode: 'WS1 1AA' },
    circumstances: CIRCUMSTANCES,
  };
};

describe('the log output of Homeward', () => {
  let app: INestApplication;
  const police = tokenFor('police-system');
  const worker = tokenFor('ri-worker');
  const send = (body: unknown, requestId?: string) => {
    const request = api(app).post(NOTIFICATIONS).set('Authorization', `Bearer ${police}`);
    if (requestId) request.set('X-Request-Id', requestId);
    return request.send(body as object);
  };

  beforeAll(async () => {
    // Every line, at the most verbose level, as JSON, into `lines`.
    const destination = { write: (line: string) => void lines.push(line) };
    const config = testConfig(
      { kind: 'pglite', dataDir },
      { logging: { level: 'trace', format: 'json', destination } },
    );
    app = await NestFactory.create(HomewardModule.forRoot(config), {
      bodyParser: false,
      bufferLogs: true,
      abortOnError: false,
    });
    app.useLogger(app.get(Logger));
    configureHttp(app);
    await app.init();
    // listen() would flush what was logged while starting; this app is not listening.
    app.flushLogs();
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never holds the personal data of a notification, across every path it takes', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const processing = app.get(EventProcessing);

    // Intake, projections and reactors (a missing report, then found with someone).
    const reported = aboutTheChild();
    const accepted = await send(reported, 'pii-check-1').expect(202);
    expect(accepted.headers['x-request-id']).toBe('pii-check-1');
    await send(
      childFound(reported, { foundWith: [{ name: COMPANION, description: DESCRIPTION }] }),
    ).expect(202);

    // A projection that fails once, with an error quoting the child (as a database error would).
    const projections = (processing as unknown as { projections: Projection[] }).projections;
    const failing = projections.find((p) => p.eventTypes.has('MissingEpisodeReported'))!;
    const apply = failing.apply.bind(failing);
    let failed = false;
    failing.apply = async (events, tx) => {
      if (!failed) {
        failed = true;
        throw new Error(`invalid input syntax for type uuid: "${GIVEN} ${FAMILY}"`);
      }
      return apply(events, tx);
    };
    await send(aboutTheChild()).expect(202);
    await eventually(async () => expect(failed).toBe(true));
    await processing.waitForAll(await store.headPosition());

    // A query string naming the child, and a 400 whose answer quotes the value refused.
    await api(app)
      .get(`/api/v1/interviews?name=${GIVEN}&family=${FAMILY}`)
      .set('Authorization', `Bearer ${worker}`);
    const refused = aboutTheChild();
    await send({
      ...refused,
      child: { ...refused.child, dateOfBirth: `${GIVEN} ${FAMILY}` },
    }).expect(400);

    // A 500 and a 503 whose errors quote the child.
    const append = store.appendToStreams.bind(store);
    store.appendToStreams = async () => {
      throw new Error(`value too long: "${GIVEN} ${FAMILY}"`);
    };
    await send(aboutTheChild()).expect(500);
    store.appendToStreams = async () => {
      throw Object.assign(new Error(`connect ECONNREFUSED while writing ${FAMILY}`), {
        code: 'ECONNREFUSED',
      });
    };
    await send(aboutTheChild()).expect(503);
    store.appendToStreams = append;

    // The Kafka channel's dead letters: malformed JSON quoting the child, and invalid input.
    const bus = {
      consume: async (o: ConsumerOptions) => {
        kafka = o.handle;
        return { joined: Promise.resolve(), stop: async () => undefined };
      },
      publish: async (_topic: string, _messages: BusMessage[]) => undefined,
    } as unknown as MessageBus;
    let kafka: ConsumerOptions['handle'] = async () => undefined;
    const consumer = new PoliceNotificationConsumer(app.get(CommandBus), store, bus);
    await consumer.onApplicationBootstrap();
    const message = (value: string): ConsumedMessage => ({
      topic: 'police.missing-persons.v1',
      partition: 0,
      offset: '9',
      key: 'WMP/MP-1',
      value,
      headers: {},
    });
    await kafka(message(`{"child": {"givenName": ${GIVEN} ${FAMILY}}`));
    const invalid = aboutTheChild();
    await kafka(message(JSON.stringify({ ...invalid, riskLevel: `${GIVEN} ${FAMILY}` })));
    await kafka(message(JSON.stringify(aboutTheChild())));
    await processing.waitForAll(await store.headPosition());

    // The log saw all of it...
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const logged = (pattern: RegExp) => records.some((r) => pattern.test(String(r.msg)));
    expect(logged(/failed, retrying: Error/)).toBe(true);
    expect(logged(/^answered 500: Error/)).toBe(true);
    expect(logged(/^answered 503, a dependency is not answering: Error /)).toBe(true);
    expect(logged(/dead-lettered 0\/9 \(MALFORMED\)$/)).toBe(true);
    expect(logged(/dead-lettered 0\/9 \(INVALID\): riskLevel$/)).toBe(true);
    const completed = records.find((r) => r.requestId === 'pii-check-1' && r.res);
    expect(completed).toMatchObject({
      level: 30,
      req: { method: 'POST', path: NOTIFICATIONS },
      res: { statusCode: 202 },
      route: NOTIFICATIONS,
      sub: 'test-police-system',
    });
    // ...and ties each handled event to the notification that caused it.
    expect(
      records.some(
        (r) =>
          /handled MissingEpisodeReported/.test(String(r.msg)) &&
          r.correlationId === reported.notificationId &&
          r.causationId === reported.notificationId,
      ),
    ).toBe(true);

    // ...without a name, a description, the circumstances, a query string or a token.
    const everything = lines.join('\n').toLowerCase();
    for (const text of PERSONAL) expect(everything).not.toContain(text.toLowerCase());
    expect(everything).not.toContain(police.toLowerCase());
    expect(everything).not.toContain('bearer');
    expect(everything).not.toContain('?name=');
  });
});
