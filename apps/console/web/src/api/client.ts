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

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
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
  post: <T>(path: string, body: unknown): Promise<T> => call<T>('POST', path, body),
};
