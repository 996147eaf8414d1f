import { randomUUID } from 'node:crypto';

/** Police notification bodies, contract v1, with sensible defaults for tests. */
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

export function missingReported(overrides: Record<string, unknown> = {}) {
  return {
    notificationId: randomUUID(),
    type: 'MISSING_REPORTED',
    force: 'WMP',
    policeReference: `MP-${randomUUID().slice(0, 8)}`,
    occurredAt: hoursAgo(30),
    classification: 'MISSING',
    riskLevel: 'MEDIUM',
    cseConcern: false,
    child: {
      policePersonId: `P-${randomUUID().slice(0, 8)}`,
      givenName: 'Jade',
      familyName: 'Example',
      dateOfBirth: '2011-03-14',
      sex: 'F',
      responsibleLocalAuthority: 'Walsall',
      lookedAfter: true,
      knownToSocialCare: true,
    },
    lastSeenLocation: { description: 'Outside the bus station', postcode: 'WS1 1AA' },
    circumstances: 'Did not return to placement after school',
    ...overrides,
  };
}

/** A child living at home, not looked after: nothing but the police grade raises the priority. */
export function missingFromHome(overrides: Record<string, unknown> = {}) {
  const base = missingReported(overrides);
  return { ...base, child: { ...base.child, lookedAfter: false, knownToSocialCare: false } };
}

export function childFound(
  of: { force?: string; policeReference: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    notificationId: randomUUID(),
    type: 'CHILD_FOUND',
    force: of.force ?? 'WMP',
    policeReference: of.policeReference,
    occurredAt: hoursAgo(2),
    returnedAt: hoursAgo(1),
    foundLocation: { description: 'Hotel, city centre', postcode: 'B1 1AA', premisesType: 'HOTEL' },
    foundWith: [{ name: 'Adult male, about 30', description: 'drives a silver car' }],
    returnedTo: 'PLACEMENT',
    ...overrides,
  };
}

export function riskRegraded(
  of: { policeReference: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    notificationId: randomUUID(),
    type: 'RISK_REGRADED',
    force: 'WMP',
    policeReference: of.policeReference,
    occurredAt: hoursAgo(20),
    riskLevel: 'HIGH',
    rationale: 'Seen getting into a car with unknown adults',
    ...overrides,
  };
}

export function reportCancelled(
  of: { policeReference: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    notificationId: randomUUID(),
    type: 'REPORT_CANCELLED',
    force: 'WMP',
    policeReference: of.policeReference,
    occurredAt: hoursAgo(1),
    reason: 'Reported in error: child was at a relative’s with permission',
    ...overrides,
  };
}
