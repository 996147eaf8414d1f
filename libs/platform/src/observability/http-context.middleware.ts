import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestContext } from './request-context';

export const REQUEST_ID_HEADER = 'x-request-id';
export const PURPOSE_HEADER = 'x-purpose';
/** A safeguarding manager's reason for opening a child outside their authorities. */
export const BREAK_GLASS_HEADER = 'x-break-glass-reason';

/** An id a caller may choose: it goes into every log line, so nothing that could carry text. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const MAX_PURPOSE = 500;

type Request = IncomingMessage & { id?: unknown };

/**
 * The request's id: X-Request-Id when well formed, else a new UUID; set on the request (where
 * pino-http looks) and on the response. Whoever asks first decides, so it is the same id for the
 * request context and for pino-http, whichever middleware runs first.
 */
export function requestIdOf(request: Request, response: ServerResponse): string {
  if (typeof request.id === 'string') return request.id;
  const header = request.headers[REQUEST_ID_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  const id = given && REQUEST_ID.test(given) ? given : randomUUID();
  request.id = id;
  if (!response.headersSent) response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * X-Purpose, or the `purpose` query parameter (for links and server-sent events, which cannot
 * set headers), trimmed and bounded; absent when not stated.
 */
export function purposeOf(request: IncomingMessage): string | undefined {
  const header = request.headers[PURPOSE_HEADER];
  const stated = (Array.isArray(header) ? header[0] : header) ?? queryValue(request, 'purpose');
  const purpose = stated?.trim();
  return purpose ? purpose.slice(0, MAX_PURPOSE) : undefined;
}

/** X-Break-Glass-Reason, trimmed and bounded; absent when not given. */
export function breakGlassReasonOf(request: IncomingMessage): string | undefined {
  const header = request.headers[BREAK_GLASS_HEADER];
  const reason = (Array.isArray(header) ? header[0] : header)?.trim();
  return reason ? reason.slice(0, MAX_PURPOSE) : undefined;
}

function queryValue(request: IncomingMessage, name: string): string | undefined {
  const query = (request.url ?? '').split('?')[1];
  if (!query) return undefined;
  try {
    return new URLSearchParams(query).get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Runs the rest of the request in its own context (the JWT guard adds the caller to it). */
export function requestContextMiddleware(
  request: Request,
  response: ServerResponse,
  next: () => void,
): void {
  const requestId = requestIdOf(request, response);
  RequestContext.run(
    {
      requestId,
      correlationId: requestId,
      purpose: purposeOf(request),
      breakGlassReason: breakGlassReasonOf(request),
    },
    next,
  );
}
