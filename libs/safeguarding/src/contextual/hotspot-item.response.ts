import type { IsTrue, SameShape } from '@homeward/platform';
import type { HotspotItem as HotspotItemModel } from './get-hotspots.query';

/** A place where children were found or said they went. */
export class HotspotItem implements HotspotItemModel {
  /** The place as CMOG reads it: its postcode, else its description (lower-case). */
  place!: string;
  postcode!: string | null;
  /** The most recent description recorded for the place. */
  description!: string | null;
  premisesTypes!: string[];
  /** Ids of the different children seen there; never their names. */
  children!: string[];
  sightings!: number;
  firstSeenAt!: string;
  lastSeenAt!: string;
}

export type HotspotItemDocumented = IsTrue<SameShape<HotspotItem, HotspotItemModel>>;
