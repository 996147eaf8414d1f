import { AsyncLocalStorage } from 'node:async_hooks';
import type { Caller } from '../auth/roles';

/**
 * What is known about the work in hand: an HTTP request, or one event a projection or reactor
 * handles. Logs read it for every line; the audit of reads will read the caller and purpose.
 */
export interface RequestContextData {
  /** X-Request-Id as received (when well formed) or generated; answered in the same header. */
  requestId?: string;
  /** The chain of work this belongs to: the request id for a request, the event's for an event. */
  correlationId?: string;
  /** What directly caused it: the id of the command or event that led to the handled event. */
  causationId?: string;
  /** Who is acting, once the JWT guard has verified the token. */
  caller?: Caller;
  /** Why the caller says they are looking (X-Purpose); never logged, as it is free text. */
  purpose?: string;
  /** X-Break-Glass-Reason: a manager opening a child outside their authorities; never logged. */
  breakGlassReason?: string;
  /**
   * What the request read of child-level data, gathered by the query layer for the audit:
   * the children, how many records, and whether break-glass opened any of them.
   */
  reads?: { childIds: Set<string>; records: number; brokeGlassFor: Set<string> };
  /** The projection or reactor handling the event, and the event. */
  processor?: string;
  eventId?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();
const NONE: Readonly<RequestContextData> = Object.freeze({});

/**
 * One AsyncLocalStorage context per request or handled event: whatever runs inside it (awaited
 * or not) sees it without anything being passed by hand.
 */
export const RequestContext = {
  /** The context of the work in hand; empty outside any (start-up, timers). */
  current(): Readonly<RequestContextData> {
    return storage.getStore() ?? NONE;
  },

  /** Runs `work` in a context of its own (a copy: the caller's object is never changed). */
  run<T>(context: RequestContextData, work: () => T): T {
    return storage.run({ ...context }, work);
  },

  /** Records the verified caller in the current context (the JWT guard calls it). */
  setCaller(caller: Caller): void {
    const context = storage.getStore();
    if (context) context.caller = caller;
  },

  /** Notes child-level data the query layer handed out in this request (for the audit). */
  noteRead(
    childIds: readonly string[],
    records: number,
    brokeGlassFor: readonly string[] = [],
  ): void {
    const context = storage.getStore();
    if (!context) return;
    context.reads ??= { childIds: new Set(), records: 0, brokeGlassFor: new Set() };
    for (const id of childIds) context.reads.childIds.add(id);
    for (const id of brokeGlassFor) context.reads.brokeGlassFor.add(id);
    context.reads.records += records;
  },

  /** The context for one event a processor handles, from the event's metadata. */
  forEvent(
    processor: string,
    event: { eventId: string; metadata: Record<string, unknown> },
  ): RequestContextData {
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return {
      processor,
      eventId: event.eventId,
      correlationId: text(event.metadata.correlationId),
      causationId: text(event.metadata.causationId),
    };
  },

  /**
   * The context for a batch a projection applies at once: the event's own when there is one,
   * else only the processor (each event's ids are on its own debug line once handled).
   */
  forBatch(
    processor: string,
    events: ReadonlyArray<{ eventId: string; metadata: Record<string, unknown> }>,
  ): RequestContextData {
    return events.length === 1 ? RequestContext.forEvent(processor, events[0]) : { processor };
  },

  /** The fields every log line carries: ids only, never the purpose or anything personal. */
  logFields(): Record<string, string> {
    const context = storage.getStore();
    if (!context) return {};
    const fields: Record<string, string | undefined> = {
      correlationId: context.correlationId,
      causationId: context.causationId,
      processor: context.processor,
      eventId: context.eventId,
      sub: context.caller?.sub,
    };
    return Object.fromEntries(
      Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
  },
};
