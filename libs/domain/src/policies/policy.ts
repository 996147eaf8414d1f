/**
 * Every threshold is policy, configurable per local authority. These are the defaults; a local
 * authority's policy file overrides any of them.
 */
export interface HomewardPolicy {
  returnInterview: {
    /** Statutory guidance: the interview is held within 72 hours of the child's return. */
    deadlineHours: number;
  };
}

export const DEFAULT_POLICY: HomewardPolicy = {
  returnInterview: { deadlineHours: 72 },
};
