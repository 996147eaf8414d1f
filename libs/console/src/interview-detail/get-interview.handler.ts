import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  ageInYearsAt,
  episodeDecider,
  foldEvents,
  policyFor,
  prefilledSignificant,
  repeatThresholdMet,
  streams,
  type EpisodeEvent,
  type ReturnInterviewEvent,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import { HOMEWARD_CONFIG, currentScope, type HomewardConfig } from '@homeward/platform';
import { GetInterview, type InterviewDetail } from './get-interview.query';
import { interviewView } from './interview-view';

/** Read straight from the interview's stream: one record, always as recorded. */
@QueryHandler(GetInterview)
export class GetInterviewHandler implements IQueryHandler<GetInterview> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
  ) {}

  async execute({ interviewId }: GetInterview): Promise<InterviewDetail | null> {
    const { events } = await this.store.readStream(streams.returnInterview(interviewId));
    const view = interviewView(events as unknown as ReturnInterviewEvent[]);
    if (!view) return null;
    // A worker sees only the interviews allocated to them, not others of the same child.
    const scope = currentScope();
    if (
      !scope.everyChild &&
      scope.authorities.length === 0 &&
      view.allocatedTo !== scope.allocatedTo
    )
      return null;
    // The tool is filled in while the interview is open, or again once a review returns its record.
    const returned = view.status === 'HELD' && view.reviews.at(-1)?.decision === 'RETURNED';
    if (view.status !== 'SCHEDULED' && view.status !== 'ALLOCATED' && !returned) {
      return { ...view, screeningPrefill: null };
    }
    const child = await this.store.readStream(streams.child(view.childId));
    const record = foldEvents(episodeDecider, child.events as unknown as EpisodeEvent[]);
    const policy = policyFor(this.config.policies, record.responsibleLocalAuthority);
    const now = new Date().toISOString();
    const ageToday = record.dateOfBirth ? ageInYearsAt(record.dateOfBirth, now) : null;
    const context = {
      learningDisability: record.learningDisability,
      repeatThresholdMet: repeatThresholdMet(record, now, policy.screening.missingEpisodesPrefill),
    };
    // Unknown date of birth: no floor by age, as when the interview is recorded.
    const significant = prefilledSignificant({ ...context, ageAtInterview: ageToday ?? 18 });
    return { ...view, screeningPrefill: { significant, context: { ...context, ageToday } } };
  }
}
