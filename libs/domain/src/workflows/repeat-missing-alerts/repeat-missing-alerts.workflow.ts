import type { AlertRequest } from '../../alert/alert-request';
import type { MissingEpisodeReported } from '../../episode/events';
import type { ChildMissingRecord } from '../../episode/state';
import type { HomewardPolicy } from '../../policies/policy';
import { repeatMissingPatterns } from '../../policies/repeat-missing';
import type { Workflow } from '../../shared/workflow';

export interface RepeatMissingAlertsState {
  /** The child's record as it stood when the episode was reported (later episodes not counted). */
  record: ChildMissingRecord;
  /** The policy of the child's responsible authority: its repeat-missing thresholds. */
  policy: HomewardPolicy;
}

/**
 * Children who go missing regularly are at high risk. Each new episode is counted against the
 * child's record as it stood then (absent episodes included, cancelled ones not): 3 in 30 days
 * asks for a strategy meeting, 3 in 90 days lists the child for CMOG, 3 absent or very-low-risk
 * episodes in 30 days asks the safeguarding manager for a risk review (policy defaults). One
 * alert per pattern per episode: the episode is the cause.
 */
export const repeatMissingAlerts: Workflow<
  MissingEpisodeReported,
  RepeatMissingAlertsState,
  AlertRequest
> = {
  inputTypes: ['MissingEpisodeReported'],
  decide({ data: { childId, episodeId } }, { record, policy }) {
    return repeatMissingPatterns(record, episodeId, policy.repeatMissing).map((pattern) => ({
      type: pattern.type,
      audience: pattern.audience,
      childId,
      localAuthority: record.responsibleLocalAuthority,
      reasons: pattern.reasons,
      causeKey: episodeId,
    }));
  },
};
