/**
 * A small in-memory "world" for scenario specs: the child's stream and one stream per return
 * interview, folded with the domain's own deciders, and the service's reactions run through the
 * same workflows its reactors run (libs/domain/src/workflows), beside the CSE level read model and
 * the deadline alarm clock. Every reaction happens at the time of the command that caused it;
 * nothing reads the machine's clock.
 */
import {
  DEFAULT_POLICY,
  episodeDecider,
  foldEvents,
  isBefore,
  nextDeadline,
  repeatMissingAlerts,
  returnInterviewDecider,
  returnInterviewOffer,
  type AlertRequest,
  type ChildMissingRecord,
  type CseLevel,
  type EpisodeCommand,
  type EpisodeEvent,
  type HomewardPolicy,
  type ReturnInterviewCommand,
  type ReturnInterviewEvent,
  type ReturnInterviewOfferInput,
  type ReturnInterviewState,
} from '../index';

/** A repeat-missing alert as the safeguarding reactor asks for it. */
export interface RaisedPattern extends AlertRequest {
  /** The episode whose report completed the pattern (the alert's cause). */
  causeEpisodeId: string;
  raisedAt: string;
}

/** One event appended to an interview's stream, with the stream it went to. */
export interface InterviewLogEntry {
  interviewId: string;
  event: ReturnInterviewEvent;
}

export class ScenarioWorld {
  private readonly childStream: EpisodeEvent[] = [];
  private readonly interviewStreams = new Map<string, ReturnInterviewEvent[]>();
  private latestScreening: { level: CseLevel; conductedAt: string } | null = null;
  /** Every repeat-missing pattern raised, in order. */
  readonly patterns: RaisedPattern[] = [];
  /** Every event appended to any interview stream, in order. */
  readonly interviewLog: InterviewLogEntry[] = [];

  constructor(readonly policy: HomewardPolicy = DEFAULT_POLICY) {}

  /** The child's missing record as it stands now. */
  record(): ChildMissingRecord {
    return foldEvents(episodeDecider, this.childStream);
  }

  interview(interviewId: string): ReturnInterviewState {
    return foldEvents(returnInterviewDecider, this.interviewEvents(interviewId));
  }

  interviewEvents(interviewId: string): readonly ReturnInterviewEvent[] {
    return this.interviewStreams.get(interviewId) ?? [];
  }

  interviewIds(): string[] {
    return [...this.interviewStreams.keys()];
  }

  /** The level confirmed at the child's latest screening (the read model triage consults). */
  currentCseLevel(): CseLevel | null {
    return this.latestScreening?.level ?? null;
  }

  /**
   * A police notification decided on the child's stream at the time it was received. Alarms due
   * before then ring first; the reactions to each new event follow at once.
   */
  police(command: EpisodeCommand): EpisodeEvent[] {
    const at = command.data.receivedAt;
    this.advanceTo(at);
    const events = episodeDecider.decide(command, this.record());
    for (const event of events) {
      this.childStream.push(event);
      this.reactToChild(event, at);
    }
    return events;
  }

  /** A worker, coordinator or the alarm clock acts on an interview at `command.data.now`. */
  onInterview(command: ReturnInterviewCommand): ReturnInterviewEvent[] {
    this.advanceTo(command.data.now);
    return this.decideOnInterview(command);
  }

  /**
   * The alarm clock: wakes each open interview at its next deadline, earliest first, with the
   * deadline's own time as `now`, until no deadline is due by `now`.
   */
  advanceTo(now: string): void {
    for (;;) {
      const due = this.interviewIds()
        .map((interviewId) => ({ interviewId, next: nextDeadline(this.interview(interviewId)) }))
        .filter(
          (d): d is { interviewId: string; next: NonNullable<typeof d.next> } =>
            d.next !== null && !isBefore(now, d.next.at),
        )
        .sort((a, b) => Date.parse(a.next.at) - Date.parse(b.next.at));
      const first = due[0];
      if (!first) return;
      const events = this.decideOnInterview({
        type: 'CheckReturnInterviewDeadlines',
        data: { interviewId: first.interviewId, now: first.next.at },
      });
      if (events.length === 0) {
        throw new Error(
          `the alarm for ${first.next.kind} at ${first.next.at} recorded nothing: it would ring forever`,
        );
      }
    }
  }

  private decideOnInterview(command: ReturnInterviewCommand): ReturnInterviewEvent[] {
    const { interviewId } = command.data;
    const events = returnInterviewDecider.decide(command, this.interview(interviewId));
    const stream = this.interviewStreams.get(interviewId) ?? [];
    this.interviewStreams.set(interviewId, [...stream, ...events]);
    for (const event of events) {
      this.interviewLog.push({ interviewId, event });
      if (event.type === 'ReturnInterviewHeld') {
        const { conductedAt, screening } = event.data;
        if (!this.latestScreening || isBefore(this.latestScreening.conductedAt, conductedAt)) {
          this.latestScreening = { level: screening.confirmed, conductedAt };
        }
      }
    }
    return events;
  }

  /**
   * What the service's reactors do with each event on the child's stream, through the same
   * workflows: the return interview offer (interviews) and the repeat-missing alerts
   * (safeguarding), each deciding on the record as it stands after the event.
   */
  private reactToChild(event: EpisodeEvent, at: string): void {
    const record = this.record();
    if (event.type === 'MissingEpisodeReported') {
      for (const alert of repeatMissingAlerts.decide(event, { record, policy: this.policy })) {
        this.patterns.push({ ...alert, causeEpisodeId: event.data.episodeId, raisedAt: at });
      }
    }
    if ((returnInterviewOffer.inputTypes as readonly string[]).includes(event.type)) {
      const commands = returnInterviewOffer.decide(event as ReturnInterviewOfferInput, {
        record,
        currentCseLevel: this.currentCseLevel(),
        policy: this.policy,
        now: at,
      });
      for (const command of commands) this.decideOnInterview(command);
    }
  }
}
