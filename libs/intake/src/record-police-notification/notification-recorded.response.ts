/** What a police notification is answered with: the episode and child it was recorded for. */
export class NotificationRecorded {
  episodeId!: string;
  childId!: string;
  /** The notificationId had been recorded before: nothing was changed. */
  duplicate!: boolean;
}
