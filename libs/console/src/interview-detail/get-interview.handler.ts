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
    if (view.status !== 'SCHEDULED' && view.status !== 'ALLOCATED') {
      return { ...view, screeningPrefill: null };
    }
    const child = await this.store.readStream(streams.child(view.childId));
    const record = foldEvents(episodeDecider, child.events as unknown as EpisodeEvent[]);
    const policy = policyFor(this.config.policies, record.responsibleLocalAuthority);
    const now = new Date().toISOString();
    const context = {
      ageAtInterview: record.dateOfBirth ? ageInYearsAt(record.dateOfBirth, now) : 18,
      learningDisability: record.learningDisability,
      repeatThresholdMet: repeatThresholdMet(record, now, policy.screening.missingEpisodesPrefill),
    };
    return { ...view, screeningPrefill: { significant: prefilledSignificant(context) } };
  }
}
