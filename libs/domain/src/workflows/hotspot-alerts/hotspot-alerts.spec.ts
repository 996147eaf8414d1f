import type { Sighting } from '../../contextual/hotspot-window';
import { DEFAULT_POLICY } from '../../policies/policy';
import { DEFAULT_POLICY_SET, type PolicySet } from '../../policies/policy-set';
import { childFound } from '../../testing/fixtures';
import { workflowSpecification } from '../../testing/workflow-specification';
import { hotspotAlerts, type PlaceHistory } from './hotspot-alerts.workflow';

const spec = workflowSpecification(hotspotAlerts);
const DAY = 24 * 3600_000;
const START = Date.parse('2026-01-01T12:00:00.000Z');
const HOTEL = 'postcode:B1 1AA';

let position = 0;
/** A sighting, by record `record`, of child `child` on day `day` after 1 January 2026. */
const seen = (
  record: string,
  child: string,
  day: number,
  localAuthority = 'Walsall',
): Sighting => ({
  eventId: record,
  position: ++position,
  childId: child,
  seenAt: new Date(START + day * DAY).toISOString(),
  localAuthority,
});
const place = (placeKey: string, sightings: Sighting[]): PlaceHistory => ({
  placeKey,
  sightings,
  premisesTypes: ['HOTEL'],
});
const found = childFound();

describe('hotspot alerts', () => {
  it('raises a hotspot to CMOG when a third child is seen at a place within 90 days', () => {
    const first = seen('found/a', 'child-a', 0);
    const sightings = [first, seen('found/b', 'child-b', 10), seen('found/c', 'child-c', 20)];
    spec
      .given({
        recordKey: 'found/c',
        places: [place(HOTEL, sightings)],
        policies: DEFAULT_POLICY_SET,
      })
      .when(found)
      .thenOutputs((alerts) => {
        expect(alerts).toHaveLength(1);
        expect(alerts[0]).toMatchObject({
          type: 'HOTSPOT',
          audience: 'CMOG',
          childId: null,
          localAuthority: 'Walsall',
          causeKey: `${HOTEL}/found/a@${first.seenAt}`,
        });
        expect(alerts[0].reasons[0]).toMatch(
          /^3 different children were found at, or said they had been to, the place at postcode B1 1AA \(hotel\) between /,
        );
      });
  });

  it('raises nothing for two children, or for the same child three times', () => {
    spec
      .given({
        recordKey: 'found/c',
        places: [
          place(HOTEL, [seen('found/a', 'child-a', 0), seen('found/c', 'child-b', 5)]),
          place('postcode:WS1 1AA', [
            seen('found/x', 'child-z', 0),
            seen('found/y', 'child-z', 3),
            seen('found/c', 'child-z', 6),
          ]),
        ],
        policies: DEFAULT_POLICY_SET,
      })
      .when(found)
      .thenNothingHappens();
  });

  it('raises nothing when the children were seen further apart than the window', () => {
    spec
      .given({
        recordKey: 'found/c',
        places: [
          place(HOTEL, [
            seen('found/a', 'child-a', 0),
            seen('found/b', 'child-b', 50),
            seen('found/c', 'child-c', 100),
          ]),
        ],
        policies: DEFAULT_POLICY_SET,
      })
      .when(found)
      .thenNothingHappens();
  });

  it('judges a place by the policy of the authority first recorded there', () => {
    const policies: PolicySet = {
      default: DEFAULT_POLICY,
      localAuthorities: {
        Sandwell: { ...DEFAULT_POLICY, hotspots: { children: 2, withinDays: 30 } },
      },
    };
    const sightings = [seen('found/a', 'child-a', 0, 'Sandwell'), seen('found/c', 'child-b', 7)];
    spec
      .given({ recordKey: 'found/c', places: [place(HOTEL, sightings)], policies })
      .when(found)
      .thenOutputs((alerts) => {
        expect(alerts.map((a) => a.localAuthority)).toEqual(['Sandwell']);
        expect(alerts[0].reasons[0]).toContain('the policy looks for 2 within 30 days');
      });
  });
});
