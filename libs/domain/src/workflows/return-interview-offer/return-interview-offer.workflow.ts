import type {
  ChildFound,
  MissingEpisodeReported,
  MissingReportCancelled,
} from '../../episode/events';
import type { ChildMissingRecord } from '../../episode/state';
import { episodeStart } from '../../policies/episode-counts';
import type { HomewardPolicy } from '../../policies/policy';
import { triageFactsFor, triageReturnInterview } from '../../policies/triage';
import type {
  CancelReturnInterview,
  LinkReturnInterviewToEpisode,
  ScheduleReturnInterview,
} from '../../return-interview/commands';
import type { CseLevel } from '../../screening/screening-tool';
import { returnInterviewIdFor } from '../../shared/ids';
import type { Workflow } from '../../shared/workflow';

export type ReturnInterviewOfferInput =
  ChildFound | MissingEpisodeReported | MissingReportCancelled;

export interface ReturnInterviewOfferState {
  /** The child's record as it stood when the event was recorded (later episodes not counted). */
  record: ChildMissingRecord;
  /** The level confirmed at the child's latest screening; null if never screened. */
  currentCseLevel: CseLevel | null;
  /** The policy of the child's responsible authority. */
  policy: HomewardPolicy;
  now: string;
}

export type ReturnInterviewOfferCommand =
  ScheduleReturnInterview | CancelReturnInterview | LinkReturnInterviewToEpisode;

/**
 * Every child found is offered a return interview, triaged on the record as it stood when they
 * returned. A report cancelled as made in error withdraws its interview. A child who goes missing
 * again before being interviewed keeps every earlier interview open, linked to the new episode
 * and triaged again with it counted.
 *
 * One workflow for the three, so one processor sees a child's events in the log's order: an
 * interview is always scheduled before the next episode links to it, and nothing has to wait
 * for another processor to catch up.
 */
export const returnInterviewOffer: Workflow<
  ReturnInterviewOfferInput,
  ReturnInterviewOfferState,
  ReturnInterviewOfferCommand
> = {
  inputTypes: ['ChildFound', 'MissingReportCancelled', 'MissingEpisodeReported'],
  decide(input, state) {
    switch (input.type) {
      case 'ChildFound':
        return [schedule(input, state)];
      case 'MissingReportCancelled':
        return [
          {
            type: 'CancelReturnInterview',
            data: {
              interviewId: returnInterviewIdFor(input.data.episodeId),
              childId: input.data.childId,
              reason: `the missing report was cancelled: ${input.data.reason}`,
              now: state.now,
            },
          },
        ];
      case 'MissingEpisodeReported':
        return linkEarlierInterviews(input, state);
    }
  },
};

function schedule(
  { data: found }: ChildFound,
  { record, currentCseLevel, policy, now }: ReturnInterviewOfferState,
): ScheduleReturnInterview {
  const facts = triageFactsFor(
    record,
    { episodeId: found.episodeId, at: found.returnedAt, currentCseLevel },
    policy.triage,
  );
  return {
    type: 'ScheduleReturnInterview',
    data: {
      interviewId: returnInterviewIdFor(found.episodeId),
      episodeId: found.episodeId,
      childId: found.childId,
      localAuthority: record.responsibleLocalAuthority,
      foundAt: found.foundAt,
      returnedAt: found.returnedAt,
      notifiedAt: found.notifiedAt,
      triage: triageReturnInterview(facts, policy.triage),
      timings: policy.returnInterview,
      now,
    },
  };
}

/** Interviews already held, declined or cancelled ignore the link: their decider writes nothing. */
function linkEarlierInterviews(
  { data: { episodeId } }: MissingEpisodeReported,
  { record, currentCseLevel, policy, now }: ReturnInterviewOfferState,
): LinkReturnInterviewToEpisode[] {
  const episode = record.episodes[episodeId];
  if (!episode) return [];
  const at = episodeStart(episode);
  return Object.values(record.episodes)
    .filter((e) => e.episodeId !== episodeId && e.status === 'FOUND')
    .map((previous) => ({
      type: 'LinkReturnInterviewToEpisode',
      data: {
        interviewId: returnInterviewIdFor(previous.episodeId),
        episodeId,
        triage: triageReturnInterview(
          triageFactsFor(
            record,
            { episodeId: previous.episodeId, at, currentCseLevel },
            policy.triage,
          ),
          policy.triage,
        ),
        now,
      },
    }));
}
