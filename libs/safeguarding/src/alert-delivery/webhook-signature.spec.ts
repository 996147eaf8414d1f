import { createHmac } from 'node:crypto';
import {
  ALERT_ID_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signHomewardPayload,
  signedHeaders,
  verifyHomewardSignature,
} from './webhook-signature';

const secret = 'a-webhook-secret-of-at-least-32-chars';
const body = JSON.stringify({
  alertId: '4b1d3c5e-0000-4000-8000-000000000000',
  type: 'RI_OVERDUE',
});

describe('signed alert webhooks', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 of the target secret, as sha256=<hex>', () => {
    const expected = createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex');
    expect(signHomewardPayload(secret, 1767225600, body)).toBe(`sha256=${expected}`);
    expect(signHomewardPayload(secret, '1767225600', Buffer.from(body))).toBe(`sha256=${expected}`);
  });

  it('sends the alert id, a unix-seconds timestamp and the signature of that timestamp', () => {
    const headers = signedHeaders(secret, 'alert-1', body, Date.parse('2026-01-01T00:00:00.900Z'));
    expect(headers).toEqual({
      'Content-Type': 'application/json',
      [ALERT_ID_HEADER]: 'alert-1',
      [TIMESTAMP_HEADER]: '1767225600',
      [SIGNATURE_HEADER]: signHomewardPayload(secret, 1767225600, body),
    });
  });

  describe('verifyHomewardSignature, for receivers', () => {
    const now = 1767225600;
    const signature = signHomewardPayload(secret, now, body);

    it('accepts the signature of exactly this body, within the tolerance', () => {
      expect(verifyHomewardSignature(secret, String(now), body, signature, 300, now)).toBe(true);
      expect(
        verifyHomewardSignature(secret, now, Buffer.from(body), signature, 300, now + 299),
      ).toBe(true);
      expect(
        verifyHomewardSignature(
          secret,
          now,
          body,
          signature.toUpperCase().replace('SHA256', 'sha256'),
          300,
          now,
        ),
      ).toBe(true);
    });

    it('refuses a tampered body, another secret or another timestamp', () => {
      const tampered = body.replace('RI_OVERDUE', 'HOTSPOT');
      expect(verifyHomewardSignature(secret, now, tampered, signature, 300, now)).toBe(false);
      expect(verifyHomewardSignature(`${secret}x`, now, body, signature, 300, now)).toBe(false);
      expect(verifyHomewardSignature(secret, now + 1, body, signature, 300, now)).toBe(false);
    });

    it('refuses an old (replayed) or future timestamp outside the tolerance', () => {
      const old = now - 301;
      const oldSignature = signHomewardPayload(secret, old, body);
      expect(verifyHomewardSignature(secret, old, body, oldSignature, 300, now)).toBe(false);
      expect(verifyHomewardSignature(secret, old, body, oldSignature, 600, now)).toBe(true);
      const future = now + 301;
      expect(
        verifyHomewardSignature(
          secret,
          future,
          body,
          signHomewardPayload(secret, future, body),
          300,
          now,
        ),
      ).toBe(false);
    });

    it('refuses missing or malformed headers without throwing', () => {
      expect(verifyHomewardSignature(secret, undefined, body, signature, 300, now)).toBe(false);
      expect(verifyHomewardSignature(secret, now, body, undefined, 300, now)).toBe(false);
      expect(verifyHomewardSignature(secret, 'yesterday', body, signature, 300, now)).toBe(false);
      expect(verifyHomewardSignature(secret, now, body, signature.slice(7), 300, now)).toBe(false);
      expect(verifyHomewardSignature(secret, now, body, `${signature}00`, 300, now)).toBe(false);
      expect(verifyHomewardSignature(secret, now, body, 'sha256=zz', 300, now)).toBe(false);
    });

    it('uses the clock by default', () => {
      const t = Math.floor(Date.now() / 1000);
      expect(verifyHomewardSignature(secret, t, body, signHomewardPayload(secret, t, body))).toBe(
        true,
      );
    });
  });
});
