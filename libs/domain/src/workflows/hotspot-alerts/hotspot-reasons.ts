import type { HotspotThreshold } from '../../policies/policy';
import type { HotspotPattern } from '../../contextual/hotspot-window';
import { placeLabel } from '../../contextual/places';

/**
 * Why a place goes to CMOG, in plain words. A place with a postcode is named by it; one without
 * is described only as on CMOG's hotspot list, since what was written about it came from a
 * child's record.
 */
export function hotspotReasons(facts: {
  placeKey: string;
  pattern: HotspotPattern;
  threshold: HotspotThreshold;
  premisesTypes: string[];
}): string[] {
  const { pattern, threshold } = facts;
  const kind =
    facts.premisesTypes.length > 0
      ? ` (${facts.premisesTypes.map((t) => t.toLowerCase().replace(/_/g, ' ')).join(', ')})`
      : '';
  const place = facts.placeKey.startsWith('postcode:')
    ? `the place at postcode ${placeLabel(facts.placeKey)}${kind}`
    : `a place recorded without a postcode${kind}, shown on CMOG's hotspot list`;
  const last = pattern.window[pattern.window.length - 1];
  return [
    `${pattern.children.length} different children were found at, or said they had been to, ${place} between ${pattern.first.seenAt} and ${last.seenAt}: the policy looks for ${threshold.children} within ${threshold.withinDays} days.`,
    'A place where several children are found, or say they have been, may be where children are being exploited: CMOG should consider who else goes there and how to disrupt it.',
  ];
}
