// The console's one way to the API: fetch, the bearer token, and the stated purpose on every GET.
import type { ErrorBody, ValidationErrorsBody } from './types';

const TOKEN_KEY = 'homeward.token';
const PURPOSE_KEY = 'homeward.purpose';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  setToken: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  purpose: (): string | null => sessionStorage.getItem(PURPOSE_KEY),
  setPurpose: (purpose: string): void => sessionStorage.setItem(PURPOSE_KEY, purpose),
  clearPurpose: (): void => sessionStorage.removeItem(PURPOSE_KEY),
  clear: (): void => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(PURPOSE_KEY);
  },
};

/** An answer other than 2xx, with the API's own words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody & ValidationErrorsBody> | null,
  ) {
    super(describe(status, body));
  }

  /** 400 naming `purpose`: no stated purpose (or not an acceptable one). */
  get needsPurpose(): boolean {
    return this.status === 400 && (this.body?.errors ?? []).some((e) => e.field === 'purpose');
  }
}

function describe(status: number, body: Partial<ErrorBody & ValidationErrorsBody> | null): string {
  const fields = body?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
  if (fields) return fields;
  if (typeof body?.message === 'string' && body.message) return body.message;
  if (status === 401) return 'Your sign-in has expired or is not valid: sign in again.';
  if (status === 403) return 'Your role does not allow this.';
  if (status === 404) return 'Not found, or not yours to see.';
  return `The server answered ${status}.`;
}

/** Listeners told when a GET answered 400 naming `purpose`, or any call answered 401. */
type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A command's options: the Idempotency-Key makes a resend record nothing twice. */
export interface PostOptions {
  idempotencyKey?: string;
}

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  options: PostOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  const purpose = session.purpose();
  if (method === 'GET' && purpose) headers['X-Purpose'] = purpose;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const error = new ApiError(res.status, json as ApiError['body']);
    if (error.needsPurpose || res.status === 401) for (const l of listeners) l(error);
    throw error;
  }
  return json as T;
}

export const api = {
  get: <T>(path: string): Promise<T> => call<T>('GET', path),
  post: <T>(path: string, body: unknown, options?: PostOptions): Promise<T> =>
    call<T>('POST', path, body, options),
};

/**
 * Live updates: reads the server-sent events of GET /api/v1/live (with fetch, as EventSource
 * cannot send the bearer token) and calls `onChange` with the name of each list that changed.
 * The events name a list, never a child; the page then reads the list again (scoped, audited).
 * Reconnects after a dropped connection. Returns a function that stops listening.
 */
export function listen(onChange: (list: string) => void): () => void {
  let stopped = false;
  let controller = new AbortController();
  const connect = async (): Promise<void> => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const token = session.token();
        const res = await fetch('/api/v1/live', {
          headers: token ? { Authorization: `Bearer ${token}` } : {},
          signal: controller.signal,
        });
        if (!res.ok || !res.body) throw new Error(`live updates answered ${res.status}`);
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          const messages = buffer.split('\n\n');
          buffer = messages.pop() ?? '';
          for (const message of messages) {
            const data = message.split('\n').find((line) => line.startsWith('data:'));
            if (!message.includes('event: changed') || !data) continue;
            try {
              const { list } = JSON.parse(data.slice(5)) as { list?: unknown };
              if (typeof list === 'string') onChange(list);
            } catch {
              // Not an event of ours: ignored.
            }
          }
        }
      } catch {
        // Dropped or refused: try again shortly, unless the page stopped listening.
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  };
  void connect();
  return () => {
    stopped = true;
    controller.abort();
  };
}
