import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ageInYearsAt,
  policyFor,
  repeatThresholdMet,
  type ReturnInterviewHeld,
  type ScreeningContext,
} from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import { HOMEWARD_CONFIG, RequestValidationFailed, type HomewardConfig } from '@homeward/platform';
import { ChildRecordReader } from '../child-record/child-record.reader';
import { decideOnInterview } from '../shared/decide-on-interview';
import { resultOf, type InterviewCommandResult } from '../shared/interview-command-result';
import { allocatedWorkerDecider, unknownInterview } from '../shared/interview-access';
import { InterviewRequest } from '../shared/interview-request';
import type { AssociateDto, CompleteReturnInterviewDto } from './complete-return-interview.dto';

export interface InterviewCompleted extends InterviewCommandResult {
  /** The level suggested, the level confirmed and what must follow (referral, strategy meeting). */
  screening: ReturnInterviewHeld['data']['screening'] | null;
}

export class CompleteReturnInterviewRequest extends InterviewRequest<
  CompleteReturnInterviewDto,
  InterviewCompleted
> {}

/**
 * The allocated worker (only they: to anyone else the interview is unknown) records the
 * interview with the CSE screening tool. What the tool needs to know of the child (age at the
 * interview, learning disability, whether the repeat threshold is met) is read from the child's
 * missing record, not taken from the form.
 */
@CommandHandler(CompleteReturnInterviewRequest)
export class CompleteReturnInterviewHandler implements ICommandHandler<CompleteReturnInterviewRequest> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HOMEWARD_CONFIG) private readonly config: HomewardConfig,
    private readonly children: ChildRecordReader,
  ) {}

  async execute(request: CompleteReturnInterviewRequest): Promise<InterviewCompleted> {
    const { body } = request;
    assertAssociatesNamed(body.associates);
    const interview = await this.children.interview(request.interviewId);
    // Only the worker it is allocated to may record it: to anyone else it is unknown. Checked
    // again on the state the command is decided on (allocatedWorkerDecider, below).
    if (!interview.childId || interview.workerId !== request.caller.sub) {
      throw unknownInterview(request.interviewId);
    }
    const record = await this.children.missingRecord(interview.childId);
    const policy = policyFor(this.config.policies, record.responsibleLocalAuthority);
    const conductedAt = new Date(body.conductedAt).toISOString();
    const context: ScreeningContext = {
      // Unknown date of birth: no floor by age can be claimed, so none is applied.
      ageAtInterview: record.dateOfBirth ? ageInYearsAt(record.dateOfBirth, conductedAt) : 18,
      learningDisability: record.learningDisability,
      repeatThresholdMet: repeatThresholdMet(
        record,
        conductedAt,
        policy.screening.missingEpisodesPrefill,
      ),
    };
    const events = await decideOnInterview(
      this.store,
      {
        type: 'CompleteReturnInterview',
        data: {
          interviewId: request.interviewId,
          conductedAt,
          screening: {
            significant: body.screening.significant.map(({ code, when }) => ({ code, when })),
            medium: body.screening.medium,
            vulnerabilities: body.screening.vulnerabilities,
            ...optional('confirmedLevel', body.screening.confirmedLevel),
            ...optional('overrideReason', body.screening.overrideReason),
            ...optional('missingEpisodesUntickReason', body.screening.missingEpisodesUntickReason),
          },
          screeningContext: context,
          socialCareDecisionWorkingDays: policy.screening.socialCareDecisionWorkingDays,
          record: {
            locationsVisited: body.locationsVisited.map((l) => ({ ...l })),
            associates: body.associates.map((a) => ({ ...a })),
            pushFactors: body.pushFactors,
            pullFactors: body.pullFactors,
            childsVoice: body.childsVoice,
            disclosures: body.disclosures,
          },
          completedBy: request.caller.sub,
          now: new Date().toISOString(),
        },
      },
      request.causationId,
      request.interviewId,
      allocatedWorkerDecider(request.caller, request.interviewId),
    );
    const held = events.find((e): e is ReturnInterviewHeld => e.type === 'ReturnInterviewHeld');
    return { ...resultOf(request.interviewId, events), screening: held?.data.screening ?? null };
  }
}

const optional = <K extends string>(key: K, value: string | undefined) =>
  value === undefined ? {} : ({ [key]: value } as Record<K, string>);

/** An associate with nothing to identify them tells CMOG nothing: name at least one detail. */
function assertAssociatesNamed(associates: AssociateDto[]): void {
  const errors = associates.flatMap((a, i) =>
    a.name || a.policePersonId || a.description
      ? []
      : [
          {
            field: `associates.${i}`,
            message: 'needs at least one of name, policePersonId, description',
          },
        ],
  );
  if (errors.length > 0) throw new RequestValidationFailed(errors);
}
