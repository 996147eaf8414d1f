import { Query } from '@nestjs/cqrs';
import type { ChildLevelQuery } from '@homeward/platform';

export interface HotspotItem {
  /** The place as CMOG reads it: its postcode, else its description (lower-case). */
  place: string;
  postcode: string | null;
  /** The most recent description recorded for the place. */
  description: string | null;
  premisesTypes: string[];
  /** Ids of the different children seen there; never their names. */
  children: string[];
  sightings: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** Places where children were found or said they went, most children first. */
export class GetHotspots extends Query<HotspotItem[]> implements ChildLevelQuery<HotspotItem[]> {
  childrenIn(hotspots: HotspotItem[]): string[] {
    return hotspots.flatMap((h) => h.children);
  }
}
