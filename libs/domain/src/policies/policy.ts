/**
 * Every threshold is policy, configurable per local authority. These are the defaults; a local
 * authority's section of the policy file overrides any of them (see policy-set.ts).
 */

/** "N or more episodes within D days", counted back from the moment being decided on. */
export interface EpisodeThreshold {
  count: number;
  withinDays: number;
}

export interface HomewardPolicy {
  returnInterview: {
    /** Statutory guidance: the interview is held within 72 hours of the child's return. */
    deadlineHours: number;
    /** Still unallocated this long after scheduling: RI_UNALLOCATED to the coordinator. */
    unallocatedAlertHours: number;
    /** No outcome this long before `dueAt`: a reminder to the allocated worker. */
    reminderHoursBeforeDue: number;
  };
  triage: {
    red: {
      /** Children younger than this are RED whatever the police grade. */
      underAge: number;
      /** This many episodes (absent ones included, cancelled ones not) make the child RED. */
      episodes: EpisodeThreshold;
    };
    amber: {
      episodes: EpisodeThreshold;
    };
  };
  repeatMissing: {
    /** Raises STRATEGY_MEETING_REQUIRED. */
    strategyMeeting: EpisodeThreshold;
    /** Raises REPEAT_MISSING for CMOG. */
    cmog: EpisodeThreshold;
    /** ABSENT or VERY_LOW episodes: raises ABSENT_PATTERN to the safeguarding manager. */
    absentPattern: EpisodeThreshold;
  };
  screening: {
    /** Met: "Periods of absence/missing" is pre-filled CURRENT on the screening tool. */
    missingEpisodesPrefill: EpisodeThreshold;
    /** Children's social care decide on a referral within this many working days. */
    socialCareDecisionWorkingDays: number;
  };
  alerts: {
    /**
     * An alert not acknowledged this long after it was raised is escalated (ALERT_UNACKNOWLEDGED
     * to the safeguarding manager): an alert nobody has read protects no child.
     */
    acknowledgeWithinHours: number;
  };
  /**
   * A place where this many different children were found, or said they had been, within
   * `withinDays` days is a hotspot: HOTSPOT to CMOG, once per pattern.
   */
  hotspots: HotspotThreshold;
}

/** "N or more different children seen at one place within D days". */
export interface HotspotThreshold {
  children: number;
  withinDays: number;
}

export const DEFAULT_POLICY: HomewardPolicy = {
  returnInterview: { deadlineHours: 72, unallocatedAlertHours: 24, reminderHoursBeforeDue: 24 },
  triage: {
    red: { underAge: 13, episodes: { count: 3, withinDays: 90 } },
    amber: { episodes: { count: 2, withinDays: 90 } },
  },
  repeatMissing: {
    strategyMeeting: { count: 3, withinDays: 30 },
    cmog: { count: 3, withinDays: 90 },
    absentPattern: { count: 3, withinDays: 30 },
  },
  screening: {
    missingEpisodesPrefill: { count: 3, withinDays: 90 },
    socialCareDecisionWorkingDays: 1,
  },
  alerts: { acknowledgeWithinHours: 24 },
  hotspots: { children: 3, withinDays: 90 },
};
