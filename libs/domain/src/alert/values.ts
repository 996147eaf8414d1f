/** What an alert is about. Each type has one audience that must act on it. */
export const ALERT_TYPES = [
  'SOCIAL_CARE_REFERRAL_REQUIRED',
  'STRATEGY_MEETING_REQUIRED',
  'CMOG_LISTING',
  'REPEAT_MISSING',
  'ABSENT_PATTERN',
  'ASSOCIATION',
  'HOTSPOT',
  'RI_UNALLOCATED',
  'RI_OVERDUE',
  'OUT_OF_AREA',
  'ALERT_UNACKNOWLEDGED',
  /** A safeguarding manager opened a child outside their authorities (break-glass). */
  'BREAK_GLASS_ACCESS',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** Who an alert goes to: RESPONSIBLE_LA is the local authority looking after a child placed out of area. */
export const ALERT_AUDIENCES = [
  'SOCIAL_CARE',
  'CMOG',
  'SAFEGUARDING_MANAGER',
  'RI_COORDINATOR',
  'RESPONSIBLE_LA',
  /** The auditor: told of every break-glass access. */
  'AUDITOR',
] as const;
export type AlertAudience = (typeof ALERT_AUDIENCES)[number];

/** An alert's life: raised OPEN, then acknowledged or escalated by people, finally CLOSED. */
export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'ESCALATED', 'CLOSED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const isAlertType = (value: string): value is AlertType =>
  (ALERT_TYPES as readonly string[]).includes(value);
export const isAlertAudience = (value: string): value is AlertAudience =>
  (ALERT_AUDIENCES as readonly string[]).includes(value);
