import { v5 as uuidv5 } from 'uuid';

/**
 * Identifiers are derived, never random, wherever a retry must land on the same thing: the same
 * police person is always the same child, the same police reference always the same episode, and
 * an event caused by a message always gets the same id (so a re-append is recognised).
 */
const HOMEWARD_NAMESPACE = '5b0f3a1e-7c1d-4a8e-9a57-2f4d3c6b8e10';

const normalise = (value: string): string => value.trim().toUpperCase();

export const childIdFor = (force: string, policePersonId: string): string =>
  uuidv5(`child/${normalise(force)}/${policePersonId.trim()}`, HOMEWARD_NAMESPACE);

export const episodeIdFor = (force: string, policeReference: string): string =>
  uuidv5(`episode/${normalise(force)}/${policeReference.trim()}`, HOMEWARD_NAMESPACE);

/** One return interview per found episode. */
export const returnInterviewIdFor = (episodeId: string): string =>
  uuidv5(`return-interview/${episodeId}`, HOMEWARD_NAMESPACE);

/** The id of the n-th event caused by a message (a notification, or an event a reactor handles). */
export const eventIdFor = (causationId: string, index: number): string =>
  uuidv5(`event/${causationId}/${index}`, HOMEWARD_NAMESPACE);

/**
 * One alert per cause: `subject` is what it is about (a child id, a location...), `causeKey` what
 * raised it (an episode id, a screening...). The same cause always gives the same alert id.
 */
export const alertIdFor = (type: string, subject: string, causeKey: string): string =>
  uuidv5(`alert/${type}/${subject}/${causeKey}`, HOMEWARD_NAMESPACE);
