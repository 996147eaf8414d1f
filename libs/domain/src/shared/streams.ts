/** Stream names: one place, so every adapter and reactor agrees on them. */
export const streams = {
  /** The child's missing record: every episode of one child, the consistency boundary for them. */
  child: (childId: string) => `child-${childId}`,
  /** Which child a police episode reference belongs to (found/regrade/cancel carry no child). */
  policeEpisode: (episodeId: string) => `police-episode-${episodeId}`,
  /** Receipt of one police notification: the idempotency record for its notificationId. */
  policeNotification: (notificationId: string) => `police-notification-${notificationId}`,
  returnInterview: (interviewId: string) => `return-interview-${interviewId}`,
  /** One alert: raised, then acknowledged or escalated by the people it went to. */
  alert: (alertId: string) => `alert-${alertId}`,
  cmog: (record: 'meeting' | 'action', id: string) => `cmog-${record}-${id}`,
  /** One CSE information report (intelligence). */
  informationReport: (reportId: string) => `information-report-${reportId}`,
} as const;
