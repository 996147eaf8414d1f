/**
 * Places, as CMOG compares them: the police and return-interview workers write the same hotel as
 * "b5 4aa", "B5  4AA" or "Hotel near the city centre". A place is known by its postcode when it
 * has one, otherwise by its description, so the same place written twice is one place.
 */

export interface RecordedPlace {
  description?: string | null;
  postcode?: string | null;
  premisesType?: string | null;
}

export interface Place {
  /** What makes two sightings the same place: `postcode:B5 4AA` or `description:hotel …`. */
  key: string;
  /** The postcode, upper-case with one space (`B5 4AA`); null when none was recorded. */
  postcode: string | null;
  /** The description as written (trimmed); null when none was recorded. */
  description: string | null;
  premisesType: string | null;
}

/** The shape of a UK postcode once its spaces are taken out: outward code, then inward code. */
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;

/**
 * Upper-case with a single space: "b11aa" and " B1  1AA " are both "B1 1AA". A value that is not
 * a UK postcode is kept, upper-cased with its spaces collapsed; an empty one is no postcode.
 */
export function normalisePostcode(postcode: string | null | undefined): string | null {
  const collapsed = (postcode ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
  if (collapsed === '') return null;
  const compact = collapsed.replace(/ /g, '');
  return UK_POSTCODE.test(compact) ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : collapsed;
}

/** Lower-case, trimmed, one space between words; an empty description is none. */
export function normaliseDescription(description: string | null | undefined): string | null {
  const normal = (description ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return normal === '' ? null : normal;
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

/** The place a location names, or null when it names none (no postcode and no description). */
export function placeOf(location: RecordedPlace): Place | null {
  const postcode = normalisePostcode(location.postcode);
  const description = normaliseDescription(location.description);
  const key = postcode ? `postcode:${postcode}` : description ? `description:${description}` : null;
  if (!key) return null;
  return {
    key,
    postcode,
    description: clean(location.description),
    premisesType: clean(location.premisesType)?.toUpperCase() ?? null,
  };
}

/** The place as people read it: its postcode, else its description. */
export const placeLabel = (key: string): string => key.slice(key.indexOf(':') + 1);

/** The places of one record, each once (a child who names a place twice was there once). */
export function distinctPlaces(locations: readonly RecordedPlace[]): Place[] {
  const byKey = new Map<string, Place>();
  for (const location of locations) {
    const place = placeOf(location);
    if (place && !byKey.has(place.key)) byKey.set(place.key, place);
  }
  return [...byKey.values()];
}
