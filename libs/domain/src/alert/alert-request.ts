import type { RaiseAlert } from './commands';

/**
 * What a safeguarding workflow asks for: an alert, before the raiser gives it its id, its
 * acknowledgement deadline and its cause. The same `causeKey` for the same subject always gives
 * the same alert, so asking twice raises it once.
 */
export type AlertRequest = Omit<
  RaiseAlert['data'],
  'alertId' | 'now' | 'causedBy' | 'acknowledgeWithinHours' | 'localAuthority'
> & {
  /** Names the cause within the subject: the same cause always gives the same alert id. */
  causeKey: string;
  /**
   * The authority the alert is for. Left out for a child's alert, it is the child's responsible
   * authority, read from the child's record: every alert about a child reaches its authority's
   * webhooks, CMOG agenda and policy.
   */
  localAuthority?: string | null;
};
