import type { AlertRequest } from '../../alert/alert-request';
import { hotspotPatternOf, type Sighting } from '../../contextual/hotspot-window';
import type { ChildFound } from '../../episode/events';
import { policyFor, type PolicySet } from '../../policies/policy-set';
import type { ReturnInterviewHeld } from '../../return-interview/events';
import type { Workflow } from '../../shared/workflow';
import { hotspotReasons } from './hotspot-reasons';

/** Every sighting known of one place the record names, up to the record, in time order. */
export interface PlaceHistory {
  placeKey: string;
  sightings: Sighting[];
  /** What the police and workers said the place is (hotel, takeaway...), every one recorded. */
  premisesTypes: string[];
}

export interface HotspotAlertsState {
  /** The record that brought the sightings (`eventId` of its own sightings). */
  recordKey: string;
  places: PlaceHistory[];
  /** Each place is judged by the policy of the authority the police first recorded there. */
  policies: PolicySet;
}

export type HotspotAlertsInput = ChildFound | ReturnInterviewHeld;

/**
 * A place where several different children were found, or said they went, within the policy's
 * days (3 within 90 by default) is a hotspot for CMOG. Raised once per pattern, named by the
 * place and the pattern's first sighting: a fourth child adds nothing new, a pattern that lapses
 * and comes back is raised again.
 */
export const hotspotAlerts: Workflow<HotspotAlertsInput, HotspotAlertsState, AlertRequest> = {
  inputTypes: ['ChildFound', 'ReturnInterviewHeld'],
  decide(_input, { recordKey, places, policies }) {
    return places.flatMap(({ placeKey, sightings, premisesTypes }) => {
      // The place's authority: the first one the police recorded there.
      const localAuthority = sightings.find((s) => s.localAuthority)?.localAuthority ?? null;
      const threshold = policyFor(policies, localAuthority).hotspots;
      const pattern = hotspotPatternOf(sightings, recordKey, threshold);
      if (!pattern) return [];
      return [
        {
          type: 'HOTSPOT',
          audience: 'CMOG',
          childId: null,
          localAuthority,
          reasons: hotspotReasons({ placeKey, pattern, threshold, premisesTypes }),
          causeKey: `${placeKey}/${pattern.first.eventId}@${pattern.first.seenAt}`,
        },
      ];
    });
  },
};
