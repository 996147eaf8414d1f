import { associationReasons, concernWords, isOfConcern, NO_CONCERN } from './association-reasons';
import { hotspotReasons } from '../workflows/hotspot-alerts/hotspot-reasons';
import { hotspotPatterns, type Sighting } from './hotspot-window';

const J = '11111111-1111-4111-8111-111111111111';
const K = '22222222-2222-4222-8222-222222222222';
const BLAMING = /lifestyle|choice|prostitut|consent|trouble ?maker|promiscu|putting (her|him)self/i;

describe('a child is of concern to CMOG', () => {
  it('when on the CMOG list, or last screened MEDIUM or SIGNIFICANT', () => {
    expect(isOfConcern(NO_CONCERN)).toBe(false);
    expect(isOfConcern({ cmogListedAs: 'REPEAT_MISSING', screeningLevel: null })).toBe(true);
    expect(isOfConcern({ cmogListedAs: null, screeningLevel: 'MEDIUM' })).toBe(true);
    expect(isOfConcern({ cmogListedAs: null, screeningLevel: 'SIGNIFICANT' })).toBe(true);
    expect(isOfConcern({ cmogListedAs: null, screeningLevel: 'LOW' })).toBe(false);
    expect(isOfConcern({ cmogListedAs: null, screeningLevel: 'NONE' })).toBe(false);
  });

  it('says why in plain words', () => {
    expect(concernWords({ cmogListedAs: 'REPEAT_MISSING', screeningLevel: 'SIGNIFICANT' })).toEqual(
      [
        'is on the CMOG list because they have gone missing repeatedly',
        'had their most recent CSE screening confirmed as SIGNIFICANT risk of sexual exploitation',
      ],
    );
  });
});

describe('the reasons of an association', () => {
  const significant = { cmogListedAs: 'CMOG_LISTING', screeningLevel: 'SIGNIFICANT' as const };

  it('name the other child by id, say where it was recorded and why it matters', () => {
    const reasons = associationReasons({
      about: J,
      other: K,
      recordedOn: J,
      source: 'NAMED_AT_INTERVIEW',
      seenAt: '2024-11-01T11:00:00.000Z',
      concerns: { about: NO_CONCERN, other: significant },
    });
    expect(reasons[0]).toBe(
      `At the return interview on 2024-11-01T11:00:00.000Z, this child named another child known to Homeward (child ${K}) as someone they were with.`,
    );
    expect(reasons[1]).toBe(
      `The other child (child ${K}) is on the CMOG list after their CSE screening and had their most recent CSE screening confirmed as SIGNIFICANT risk of sexual exploitation.`,
    );
    expect(reasons).toHaveLength(3);
  });

  it('read from the other side for the child who was named or found with them', () => {
    const found = associationReasons({
      about: K,
      other: J,
      recordedOn: J,
      source: 'FOUND_WITH',
      seenAt: '2024-10-30T07:00:00.000Z',
      concerns: { about: significant, other: NO_CONCERN },
    });
    expect(found[0]).toBe(
      `When the police found child ${J} on 2024-10-30T07:00:00.000Z, this child was with them.`,
    );
    expect(found[1]).toMatch(/^This child is on the CMOG list/);
    const named = associationReasons({
      about: K,
      other: J,
      recordedOn: J,
      source: 'NAMED_AT_INTERVIEW',
      seenAt: '2024-11-01T11:00:00.000Z',
      concerns: { about: significant, other: significant },
    });
    expect(named[0]).toContain('named this child as someone they were with');
    expect(named).toHaveLength(4);
  });

  it('never blame the child', () => {
    for (const source of ['FOUND_WITH', 'NAMED_AT_INTERVIEW'] as const) {
      const text = associationReasons({
        about: J,
        other: K,
        recordedOn: K,
        source,
        seenAt: '2024-11-01T11:00:00.000Z',
        concerns: {
          about: significant,
          other: { cmogListedAs: 'REPEAT_MISSING', screeningLevel: 'MEDIUM' },
        },
      }).join(' ');
      expect(text).not.toMatch(BLAMING);
    }
  });
});

describe('the reasons of a hotspot', () => {
  const at = (day: number, childId: string): Sighting => ({
    eventId: `${childId}/${day}`,
    position: day,
    childId,
    seenAt: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(),
    localAuthority: null,
  });
  const [pattern] = hotspotPatterns([at(0, 'a'), at(5, 'b'), at(9, 'c')], {
    children: 3,
    withinDays: 90,
  });

  it('name a place by its postcode, how many children and when', () => {
    const [first, second] = hotspotReasons({
      placeKey: 'postcode:B5 4AA',
      pattern,
      threshold: { children: 3, withinDays: 90 },
      premisesTypes: ['HOTEL'],
    });
    expect(first).toBe(
      '3 different children were found at, or said they had been to, the place at postcode B5 4AA (hotel) between 2026-01-01T00:00:00.000Z and 2026-01-10T00:00:00.000Z: the policy looks for 3 within 90 days.',
    );
    expect(`${first} ${second}`).not.toMatch(BLAMING);
  });

  it('keep what was written about a place without a postcode out of the alert', () => {
    const [first] = hotspotReasons({
      placeKey: 'description:flat above the takeaway',
      pattern,
      threshold: { children: 3, withinDays: 90 },
      premisesTypes: [],
    });
    expect(first).not.toContain('takeaway');
    expect(first).toContain("a place recorded without a postcode, shown on CMOG's hotspot list");
  });
});
