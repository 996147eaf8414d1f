import { createHmac, timingSafeEqual } from 'node:crypto';

export const ALERT_ID_HEADER = 'X-Homeward-Alert-Id';
export const TIMESTAMP_HEADER = 'X-Homeward-Timestamp';
export const SIGNATURE_HEADER = 'X-Homeward-Signature';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the target's secret>`. */
export function signHomewardPayload(
  secret: string,
  timestamp: number | string,
  body: string | Buffer,
): string {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`).update(body);
  return `sha256=${hmac.digest('hex')}`;
}

/** The headers of one delivery attempt: a fresh timestamp (unix seconds) and its signature. */
export function signedHeaders(
  secret: string,
  alertId: string,
  body: string,
  nowMs = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    'Content-Type': 'application/json',
    [ALERT_ID_HEADER]: alertId,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signHomewardPayload(secret, timestamp, body),
  };
}

/**
 * For receivers: true only when `signatureHeader` is Homeward's signature of exactly this raw
 * body at this timestamp, and the timestamp is within `toleranceSeconds` of now (a replayed old
 * request is refused). Verify the raw bytes as received, before parsing the JSON. Receivers
 * should still dedupe by X-Homeward-Alert-Id: delivery is at-least-once.
 */
export function verifyHomewardSignature(
  secret: string,
  timestamp: string | number | undefined | null,
  body: string | Buffer,
  signatureHeader: string | undefined | null,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (timestamp === undefined || timestamp === null || !signatureHeader) return false;
  const text = String(timestamp).trim();
  if (!/^\d{1,15}$/.test(text)) return false;
  if (Math.abs(nowSeconds - Number(text)) > toleranceSeconds) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader.trim());
  if (!match) return false;
  const expected = Buffer.from(
    signHomewardPayload(secret, text, body).slice('sha256='.length),
    'hex',
  );
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
