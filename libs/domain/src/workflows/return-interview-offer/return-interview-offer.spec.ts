import { episodeDecider } from '../../episode/episode.decider';
import type { EpisodeEvent } from '../../episode/events';
import { DEFAULT_POLICY } from '../../policies/policy';
import { foldEvents } from '../../shared/decider';
import { returnInterviewIdFor } from '../../shared/ids';
import {
  CHILD_ID,
  EPISODE_ID,
  FOUND_AT,
  FOUND_NOTIFIED_AT,
  INTERVIEW_ID,
  NEXT_EPISODE_ID,
  NEXT_REFERENCE,
  RETURNED_AT,
  childFound,
  missingEpisodeReported,
  missingReportCancelled,
} from '../../testing/fixtures';
import { workflowSpecification } from '../../testing/workflow-specification';
import {
  returnInterviewOffer,
  type ReturnInterviewOfferState,
} from './return-interview-offer.workflow';

const spec = workflowSpecification(returnInterviewOffer);
const NOW = '2024-06-02T11:15:02.000Z';

/** The state the reactor loads: the child's record folded from the stream up to the event. */
const stateAfter = (
  events: EpisodeEvent[],
  overrides: Partial<ReturnInterviewOfferState> = {},
): ReturnInterviewOfferState => ({
  record: foldEvents(episodeDecider, events),
  currentCseLevel: null,
  policy: DEFAULT_POLICY,
  now: NOW,
  ...overrides,
});

const reported = missingEpisodeReported();
const found = childFound();
const reportedAgain = missingEpisodeReported({
  episodeId: NEXT_EPISODE_ID,
  policeReference: NEXT_REFERENCE,
  lastSeenAt: '2024-06-03T18:00:00.000Z',
  reportedAt: '2024-06-03T20:00:00.000Z',
});

describe('return interview offer', () => {
  it('reacts to found, cancelled and missing-again episodes', () => {
    expect([...returnInterviewOffer.inputTypes].sort()).toEqual([
      'ChildFound',
      'MissingEpisodeReported',
      'MissingReportCancelled',
    ]);
  });

  describe('a child found', () => {
    it('is offered an interview, triaged on the record as it stood, under the authority policy', () => {
      spec
        .given(stateAfter([reported, found]))
        .when(found)
        .then([
          {
            type: 'ScheduleReturnInterview',
            data: {
              interviewId: INTERVIEW_ID,
              episodeId: EPISODE_ID,
              childId: CHILD_ID,
              localAuthority: 'Camden',
              foundAt: FOUND_AT,
              returnedAt: RETURNED_AT,
              notifiedAt: FOUND_NOTIFIED_AT,
              triage: {
                priority: 'AMBER',
                reasons: [
                  'police graded the episode MEDIUM risk',
                  'the child is looked after by a local authority',
                ],
              },
              timings: DEFAULT_POLICY.returnInterview,
              now: NOW,
            },
          },
        ]);
    });

    it("is seen first when the child's latest screening confirmed a significant risk", () => {
      spec
        .given(stateAfter([reported, found], { currentCseLevel: 'SIGNIFICANT' }))
        .when(found)
        .thenOutputs(([command]) => {
          expect(command.type).toBe('ScheduleReturnInterview');
          const { triage } = (
            command as { data: { triage: { priority: string; reasons: string[] } } }
          ).data;
          expect(triage.priority).toBe('RED');
          expect(triage.reasons).toContain(
            "the child's latest screening confirmed a SIGNIFICANT risk of child sexual exploitation",
          );
        });
    });

    it("takes the deadline from the authority's own policy", () => {
      const policy = {
        ...DEFAULT_POLICY,
        returnInterview: { ...DEFAULT_POLICY.returnInterview, deadlineHours: 48 },
      };
      spec
        .given(stateAfter([reported, found], { policy }))
        .when(found)
        .thenOutputs(([command]) =>
          expect(
            (command.data as { timings: { deadlineHours: number } }).timings.deadlineHours,
          ).toBe(48),
        );
    });
  });

  describe('a report cancelled as made in error', () => {
    it('withdraws its interview, saying why', () => {
      const cancelled = missingReportCancelled();
      spec
        .given(stateAfter([reported, cancelled]))
        .when(cancelled)
        .then([
          {
            type: 'CancelReturnInterview',
            data: {
              interviewId: INTERVIEW_ID,
              childId: CHILD_ID,
              reason:
                'the missing report was cancelled: Reported in error: the child was at a relative’s house',
              now: NOW,
            },
          },
        ]);
    });
  });

  describe('a child missing again', () => {
    it('links the earlier interview to the new episode, triaged again with both counted', () => {
      spec
        .given(stateAfter([reported, found, reportedAgain]))
        .when(reportedAgain)
        .then([
          {
            type: 'LinkReturnInterviewToEpisode',
            data: {
              interviewId: INTERVIEW_ID,
              episodeId: NEXT_EPISODE_ID,
              triage: {
                priority: 'AMBER',
                reasons: [
                  'police graded the episode MEDIUM risk',
                  'the child is looked after by a local authority',
                  'the child has been reported missing or absent 2 times in the last 90 days',
                ],
              },
              now: NOW,
            },
          },
        ]);
    });

    it('links nothing on a first episode', () => {
      spec
        .given(stateAfter([reported]))
        .when(reported)
        .thenNothingHappens();
    });

    it('links nothing for an earlier episode the child has not been found from', () => {
      spec
        .given(stateAfter([reported, reportedAgain]))
        .when(reportedAgain)
        .thenNothingHappens();
    });

    it('links every earlier found episode, each to its own interview', () => {
      const thirdId = 'episode-3';
      const foundAgain = childFound({
        episodeId: NEXT_EPISODE_ID,
        foundAt: '2024-06-04T09:00:00.000Z',
        returnedAt: '2024-06-04T10:00:00.000Z',
        notifiedAt: '2024-06-04T10:05:00.000Z',
      });
      const third = missingEpisodeReported({
        episodeId: thirdId,
        policeReference: 'MP-2024-0003',
        lastSeenAt: '2024-06-05T18:00:00.000Z',
        reportedAt: '2024-06-05T20:00:00.000Z',
      });
      spec
        .given(stateAfter([reported, found, reportedAgain, foundAgain, third]))
        .when(third)
        .thenOutputs((commands) => {
          expect(commands.map((c) => c.data.interviewId)).toEqual([
            INTERVIEW_ID,
            returnInterviewIdFor(NEXT_EPISODE_ID),
          ]);
          for (const c of commands) {
            expect((c.data as { episodeId: string }).episodeId).toBe(thirdId);
            // Three episodes in 90 days: children who go missing regularly are seen first.
            expect((c.data as { triage: { priority: string } }).triage.priority).toBe('RED');
          }
        });
    });
  });
});
