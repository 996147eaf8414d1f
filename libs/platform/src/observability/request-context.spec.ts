import type { Caller } from '../auth/roles';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestContextMiddleware } from './http-context.middleware';
import { RequestContext } from './request-context';

const callerOf = (sub: string, roles: Caller['roles']): Caller => ({
  sub,
  roles,
  organisation: null,
  localAuthorities: [],
  everyAuthority: false,
  force: null,
  everyForce: false,
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** A bare request and response, as Node's HTTP server hands them to middleware. */
function exchange(headers: Record<string, string> = {}) {
  const request = Object.assign(new EventEmitter(), { headers }) as unknown as IncomingMessage & {
    id?: unknown;
  };
  const sent: Record<string, unknown> = {};
  const response = {
    headersSent: false,
    setHeader: (name: string, value: unknown) => (sent[name.toLowerCase()] = value),
  } as unknown as ServerResponse;
  return { request, response, sent };
}

describe('RequestContext', () => {
  it('is empty outside any request or handled event', () => {
    expect(RequestContext.current()).toEqual({});
    expect(RequestContext.logFields()).toEqual({});
  });

  it('follows the work through awaits and timers without being passed', async () => {
    const seen = await RequestContext.run({ requestId: 'r-1', correlationId: 'r-1' }, async () => {
      await tick();
      return new Promise((resolve) => setTimeout(() => resolve(RequestContext.current()), 1));
    });
    expect(seen).toMatchObject({ requestId: 'r-1', correlationId: 'r-1' });
    expect(RequestContext.current()).toEqual({});
  });

  it('keeps concurrent requests apart', async () => {
    const one = (id: string) =>
      RequestContext.run({ requestId: id }, async () => {
        await tick();
        RequestContext.setCaller(callerOf(`user-${id}`, ['ri-worker']));
        await tick();
        return RequestContext.current();
      });
    const [a, b] = await Promise.all([one('a'), one('b')]);
    expect(a).toMatchObject({ requestId: 'a', caller: { sub: 'user-a' } });
    expect(b).toMatchObject({ requestId: 'b', caller: { sub: 'user-b' } });
  });

  it('never changes the object it was started with', () => {
    const start = { requestId: 'r-2' };
    RequestContext.run(start, () => RequestContext.setCaller(callerOf('s', [])));
    expect(start).toEqual({ requestId: 'r-2' });
  });

  it('ignores a caller set outside any context', () => {
    RequestContext.setCaller(callerOf('nobody', []));
    expect(RequestContext.current()).toEqual({});
  });

  it("takes a handled event's correlation and causation ids from its metadata", () => {
    const event = {
      eventId: 'e-1',
      metadata: { correlationId: 'n-1', causationId: 'n-1', channel: 'HTTP' },
    };
    expect(RequestContext.forEvent('console.interview-queue', event)).toEqual({
      processor: 'console.interview-queue',
      eventId: 'e-1',
      correlationId: 'n-1',
      causationId: 'n-1',
    });
    expect(RequestContext.forBatch('p', [event])).toMatchObject({ eventId: 'e-1' });
    expect(RequestContext.forBatch('p', [event, { ...event, eventId: 'e-2' }])).toEqual({
      processor: 'p',
    });
  });

  it('gives logs ids and the caller, never the stated purpose', () => {
    const fields = RequestContext.run(
      { requestId: 'r', correlationId: 'c', purpose: 'about Zebedee Quillfeather' },
      () => {
        RequestContext.setCaller(callerOf('worker-7', ['ri-worker']));
        return RequestContext.logFields();
      },
    );
    expect(fields).toEqual({ correlationId: 'c', sub: 'worker-7' });
  });
});

describe('the request context middleware', () => {
  const run = (headers: Record<string, string>) => {
    const { request, response, sent } = exchange(headers);
    let inside: ReturnType<typeof RequestContext.current> = {};
    requestContextMiddleware(request, response, () => (inside = RequestContext.current()));
    return { inside, sent, request };
  };

  it('takes a well-formed X-Request-Id, answers it, and states the purpose', () => {
    const { inside, sent, request } = run({ 'x-request-id': 'abc-123', 'x-purpose': ' s47 ' });
    expect(inside).toEqual({ requestId: 'abc-123', correlationId: 'abc-123', purpose: 's47' });
    expect(sent['x-request-id']).toBe('abc-123');
    expect(request.id).toBe('abc-123');
  });

  it('generates an id when there is none or it could carry text into the logs', () => {
    const cases: Array<Record<string, string>> = [
      {},
      { 'x-request-id': 'Zebedee Quillfeather <script>' },
    ];
    for (const headers of cases) {
      const { inside, sent } = run(headers);
      expect(inside.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(sent['x-request-id']).toBe(inside.requestId);
      expect(inside.purpose).toBeUndefined();
    }
  });
});
