import { randomUUID } from 'node:crypto';

/**
 * The cause of an HTTP command, from which its event ids are derived: the client's
 * `Idempotency-Key` (a resend appends nothing twice), or a fresh one (no retry protection).
 */
export const causeOfRequest = (idempotencyKey: string | undefined): string =>
  idempotencyKey && idempotencyKey.trim().length > 0
    ? `http/${idempotencyKey.trim().slice(0, 200)}`
    : `http/${randomUUID()}`;
