import { parsePoliceNotification } from './parse-police-notification';

const receivedAt = '2026-11-22T12:00:00.000Z';
const missing = {
  notificationId: '3f2b8c1e-5a7d-4e11-9c1a-0b6f2d9e4a01',
  type: 'MISSING_REPORTED',
  force: 'WMP',
  policeReference: 'MP-1',
  occurredAt: '2026-11-21T21:30:00+00:00',
  classification: 'MISSING',
  riskLevel: 'LOW',
  cseConcern: false,
  child: {
    policePersonId: 'P1',
    givenName: 'A',
    familyName: 'B',
    dateOfBirth: '2010-01-01',
    sex: 'F',
    responsibleLocalAuthority: 'Walsall',
    lookedAfter: false,
    knownToSocialCare: false,
  },
  lastSeenLocation: { description: 'Home' },
};

describe('the police notification contract, outside any transport', () => {
  it('accepts a valid notification and drops properties the contract does not name', () => {
    const result = parsePoliceNotification({ ...missing, extra: 'ignored' }, receivedAt);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.notification.type).toBe('MISSING_REPORTED');
      expect(result.notification).not.toHaveProperty('extra');
    }
  });

  it('refuses NUL, lone surrogates and deep nesting before transforming, naming the field', () => {
    const withNul = { ...missing, child: { ...missing.child, familyName: 'B\u0000' } };
    expect(parsePoliceNotification(withNul, receivedAt)).toEqual({
      ok: false,
      errors: [{ field: 'child.familyName', message: expect.stringContaining('NUL') }],
    });
    const surrogate = { ...missing, circumstances: 'left \ud800' };
    expect(parsePoliceNotification(surrogate, receivedAt)).toMatchObject({
      ok: false,
      errors: [{ field: 'circumstances' }],
    });
    let deep: unknown = 'x';
    for (let i = 0; i < 3000; i++) deep = { description: deep };
    // Without the bound, class-transformer recurses 3,000 deep and throws RangeError.
    const result = parsePoliceNotification({ ...missing, lastSeenLocation: deep }, receivedAt);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('nested') }],
    });
  });

  it('accepts each type with its own required fields', () => {
    const common = { ...missing, notificationId: '3f2b8c1e-5a7d-4e11-9c1a-0b6f2d9e4a09' };
    const bodies = [
      { ...common, type: 'RISK_REGRADED', riskLevel: 'HIGH', rationale: 'seen with adults' },
      { ...common, type: 'CHILD_FOUND', foundLocation: { description: 'Park' } },
      { ...common, type: 'REPORT_CANCELLED', reason: 'in error' },
    ];
    for (const body of bodies)
      expect(parsePoliceNotification(body, receivedAt)).toMatchObject({ ok: true });
  });

  it('names the fields each type requires when they are missing', () => {
    const base = {
      notificationId: missing.notificationId,
      force: 'WMP',
      policeReference: 'R',
      occurredAt: missing.occurredAt,
    };
    const fields = (body: object) => {
      const r = parsePoliceNotification(body, receivedAt);
      return r.ok ? [] : r.errors.map((e) => e.field).sort();
    };
    expect(fields({ ...base, type: 'RISK_REGRADED' })).toEqual(['rationale', 'riskLevel']);
    expect(fields({ ...base, type: 'CHILD_FOUND' })).toEqual(['foundLocation']);
    expect(fields({ ...base, type: 'REPORT_CANCELLED' })).toEqual(['reason']);
    expect(
      fields({
        ...base,
        type: 'CHILD_FOUND',
        foundLocation: { description: 'x' },
        foundWith: [{}],
      }),
    ).toEqual(['foundWith.0.description']);
  });

  it('rejects a time without an offset and a date that does not exist', () => {
    const r = parsePoliceNotification(
      {
        ...missing,
        occurredAt: '2026-11-21T21:30:00',
        child: { ...missing.child, dateOfBirth: '2011-02-29' },
      },
      receivedAt,
    );
    expect(r.ok ? [] : r.errors.map((e) => e.field).sort()).toEqual([
      'child.dateOfBirth',
      'occurredAt',
    ]);
  });
});
