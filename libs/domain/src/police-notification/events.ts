/** Receipt of a police notification: makes a retried notification a recognisable duplicate. */
export interface PoliceNotificationReceived {
  type: 'PoliceNotificationReceived';
  data: {
    notificationId: string;
    notificationType: string;
    force: string;
    policeReference: string;
    episodeId: string;
    childId: string;
    receivedAt: string;
    /** How it arrived: HTTP or KAFKA. */
    channel: string;
    /**
     * Who sent it: the police system's token `sub` (HTTP), or `kafka:<topic>`. Absent on receipts
     * recorded before senders were kept: readers must accept a receipt without it.
     */
    sentBy?: string;
  };
}

/** Binds a force's episode reference to the child, for notifications that do not name the child. */
export interface PoliceEpisodeRegistered {
  type: 'PoliceEpisodeRegistered';
  data: { episodeId: string; childId: string; force: string; policeReference: string };
}

export type PoliceIntakeEvent = PoliceNotificationReceived | PoliceEpisodeRegistered;
