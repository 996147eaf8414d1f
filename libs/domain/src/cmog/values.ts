/** Why an action in the register needs the chair's and the safeguarding manager's attention. */
export const CMOG_ACTION_FLAG_REASONS = ['OVERDUE', 'DEFERRED_TWICE'] as const;
export type CmogActionFlagReason = (typeof CMOG_ACTION_FLAG_REASONS)[number];

export const CMOG_ACTION_STATUSES = ['OPEN', 'DONE'] as const;
export type CmogActionStatus = (typeof CMOG_ACTION_STATUSES)[number];

/** Alerts that put a child on the CMOG agenda while nobody has acknowledged them. */
export const CMOG_CHILD_ALERT_TYPES = ['CMOG_LISTING', 'REPEAT_MISSING', 'ASSOCIATION'] as const;

/** A deferral this many times over is escalated: actions deferred with no progress are a known failing. */
export const CMOG_DEFERRALS_BEFORE_FLAG = 2;
