import { episodeDecider } from '../../episode/episode.decider';
import type { EpisodeEvent, MissingEpisodeReported } from '../../episode/events';
import { DEFAULT_POLICY, type HomewardPolicy } from '../../policies/policy';
import { foldEvents } from '../../shared/decider';
import {
  CHILD_ID,
  childFound,
  episodeFor,
  missingEpisodeReported,
  missingReportCancelled,
} from '../../testing/fixtures';
import { workflowSpecification } from '../../testing/workflow-specification';
import {
  repeatMissingAlerts,
  type RepeatMissingAlertsState,
} from './repeat-missing-alerts.workflow';

const spec = workflowSpecification(repeatMissingAlerts);

const T0 = Date.parse('2024-05-01T10:00:00.000Z');
const DAY = 24 * 3_600_000;
/** `n` days after 1 May 2024, 10:00 UTC. */
const day = (n: number): string => new Date(T0 + n * DAY).toISOString();

/** Episode `n` of the child: last seen on `startDay`, reported two hours later. */
const reported = (
  n: number,
  startDay: number,
  overrides: Partial<MissingEpisodeReported['data']> = {},
): MissingEpisodeReported =>
  missingEpisodeReported({
    ...episodeFor(`MP-2024-000${n}`),
    lastSeenAt: day(startDay),
    reportedAt: day(startDay + 2 / 24),
    ...overrides,
  });

/** The child found a day after episode `event` began. */
const foundAfter = (event: MissingEpisodeReported, startDay: number) =>
  childFound({
    episodeId: event.data.episodeId,
    foundAt: day(startDay + 1),
    returnedAt: day(startDay + 1),
    notifiedAt: day(startDay + 1),
  });

/** The state the reactor loads: the child's record folded up to the event, and its policy. */
const stateAfter = (
  events: EpisodeEvent[],
  policy: HomewardPolicy = DEFAULT_POLICY,
): RepeatMissingAlertsState => ({ record: foldEvents(episodeDecider, events), policy });

const first = reported(1, 0);
const second = reported(2, 10);
const third = reported(3, 20);
/** Three episodes in 30 days, each found the next day: the third is being reported. */
const threeIn30Days = [first, foundAfter(first, 0), second, foundAfter(second, 10), third];

const strategyMeetingReasons = (dates: string, withinDays = 30) => [
  `the child has been reported missing or absent 3 times in ${withinDays} days: ${dates}`,
  "children's social care should hold a strategy meeting: children who go missing regularly are at high risk of harm, including sexual exploitation",
];
const cmogReasons = (dates: string) => [
  `the child has been reported missing or absent 3 times in 90 days: ${dates}`,
  'list the child for CMOG so that patterns in where the child goes, and who with, can be seen: children who go missing regularly are at high risk of harm',
];

describe('repeat-missing alerts', () => {
  it('reacts to a missing episode being reported', () => {
    expect(repeatMissingAlerts.inputTypes).toEqual(['MissingEpisodeReported']);
  });

  it('asks social care for a strategy meeting and lists the child for CMOG at the 3rd episode in 30 days', () => {
    const dates = 'on 2024-05-01, 2024-05-11 and 2024-05-21';
    spec
      .given(stateAfter(threeIn30Days))
      .when(third)
      .then([
        {
          type: 'STRATEGY_MEETING_REQUIRED',
          audience: 'SOCIAL_CARE',
          childId: CHILD_ID,
          localAuthority: 'Camden',
          reasons: strategyMeetingReasons(dates),
          causeKey: third.data.episodeId,
        },
        {
          type: 'REPEAT_MISSING',
          audience: 'CMOG',
          childId: CHILD_ID,
          localAuthority: 'Camden',
          reasons: cmogReasons(dates),
          causeKey: third.data.episodeId,
        },
      ]);
  });

  it('lists the child for CMOG alone at the 3rd episode in 90 days, not 30', () => {
    const later = reported(2, 40);
    const latest = reported(3, 80);
    spec
      .given(stateAfter([first, foundAfter(first, 0), later, foundAfter(later, 40), latest]))
      .when(latest)
      .then([
        {
          type: 'REPEAT_MISSING',
          audience: 'CMOG',
          childId: CHILD_ID,
          localAuthority: 'Camden',
          reasons: cmogReasons('on 2024-05-01, 2024-06-10 and 2024-07-20'),
          causeKey: latest.data.episodeId,
        },
      ]);
  });

  it('asks the safeguarding manager for a risk review at the 3rd absent or very-low-risk episode in 30 days', () => {
    const absent = { classification: 'ABSENT', riskLevel: 'VERY_LOW' } as const;
    const a1 = reported(1, 0, absent);
    const a2 = reported(2, 3, { riskLevel: 'VERY_LOW' });
    const a3 = reported(3, 6, { classification: 'ABSENT', riskLevel: 'LOW' });
    spec
      .given(stateAfter([a1, foundAfter(a1, 0), a2, foundAfter(a2, 3), a3]))
      .when(a3)
      .thenOutputs((alerts) => {
        // Absent episodes count as missing ones too: all three patterns, the risk review last.
        expect(alerts.map((a) => a.type)).toEqual([
          'STRATEGY_MEETING_REQUIRED',
          'REPEAT_MISSING',
          'ABSENT_PATTERN',
        ]);
        expect(alerts[2]).toEqual({
          type: 'ABSENT_PATTERN',
          audience: 'SAFEGUARDING_MANAGER',
          childId: CHILD_ID,
          localAuthority: 'Camden',
          reasons: [
            '3 episodes in 30 days were recorded as absent or graded very low risk: on 2024-05-01, 2024-05-04 and 2024-05-07',
            'review the risk grading: children who go missing regularly are at high risk of harm, and being recorded as absent can hide exploitation',
          ],
          causeKey: a3.data.episodeId,
        });
      });
  });

  it('does not count an episode cancelled as made in error', () => {
    spec
      .given(
        stateAfter([
          first,
          missingReportCancelled({ episodeId: first.data.episodeId }),
          second,
          foundAfter(second, 10),
          third,
        ]),
      )
      .when(third)
      .thenNothingHappens();
  });

  it('raises nothing below the threshold: the 2nd episode in 30 days', () => {
    spec
      .given(stateAfter([first, foundAfter(first, 0), second]))
      .when(second)
      .thenNothingHappens();
  });

  it('raises nothing new on the 4th episode of a run', () => {
    const fourth = reported(4, 25);
    spec
      .given(stateAfter([...threeIn30Days, foundAfter(third, 20), fourth]))
      .when(fourth)
      .thenNothingHappens();
  });

  it("counts against the thresholds of the responsible authority's policy", () => {
    const policy: HomewardPolicy = {
      ...DEFAULT_POLICY,
      repeatMissing: {
        ...DEFAULT_POLICY.repeatMissing,
        strategyMeeting: { count: 2, withinDays: 7 },
      },
    };
    const soon = reported(2, 6);
    spec
      .given(stateAfter([first, foundAfter(first, 0), soon], policy))
      .when(soon)
      .then([
        {
          type: 'STRATEGY_MEETING_REQUIRED',
          audience: 'SOCIAL_CARE',
          childId: CHILD_ID,
          localAuthority: 'Camden',
          reasons: [
            'the child has been reported missing or absent 2 times in 7 days: on 2024-05-01 and 2024-05-07',
            "children's social care should hold a strategy meeting: children who go missing regularly are at high risk of harm, including sexual exploitation",
          ],
          causeKey: soon.data.episodeId,
        },
      ]);
  });

  it("is for the child's responsible authority as the record names it", () => {
    const moved = reported(3, 20, { responsibleLocalAuthority: 'Birmingham' });
    spec
      .given(stateAfter([...threeIn30Days.slice(0, 4), moved]))
      .when(moved)
      .thenOutputs((alerts) => {
        expect(alerts).toHaveLength(2);
        for (const alert of alerts) expect(alert.localAuthority).toBe('Birmingham');
      });
  });
});
