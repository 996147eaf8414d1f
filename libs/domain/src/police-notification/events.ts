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
    channel: string;
  };
}

/** Binds a force's episode reference to the child, for notifications that do not name the child. */
export interface PoliceEpisodeRegistered {
  type: 'PoliceEpisodeRegistered';
  data: { episodeId: string; childId: string; force: string; policeReference: string };
}

export type PoliceIntakeEvent = PoliceNotificationReceived | PoliceEpisodeRegistered;
