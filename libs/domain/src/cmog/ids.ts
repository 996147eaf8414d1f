import { v5 as uuidv5 } from 'uuid';

/** Namespace for CMOG records, so a resent request (same cause) lands on the same record. */
const CMOG_NAMESPACE = 'c7e1f0a2-3b4d-4e5f-8a6b-9c0d1e2f3a4b';

export const cmogMeetingIdFor = (causationId: string): string =>
  uuidv5(`cmog-meeting/${causationId}`, CMOG_NAMESPACE);

export const cmogActionIdFor = (causationId: string): string =>
  uuidv5(`cmog-action/${causationId}`, CMOG_NAMESPACE);
