import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AlertType, ReturnInterviewHeld, ScreeningOutcome } from '@homeward/domain';
import type { RecordedEvent } from '@homeward/event-store';
import { EventProcessing, type Reactor } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';

const AUDIENCE = {
  SOCIAL_CARE_REFERRAL_REQUIRED: 'SOCIAL_CARE',
  STRATEGY_MEETING_REQUIRED: 'SOCIAL_CARE',
  CMOG_LISTING: 'CMOG',
} as const satisfies Record<ScreeningOutcome, string>;

/**
 * What a confirmed screening level requires: MEDIUM or SIGNIFICANT is referred to children's
 * social care (a decision is due within one working day); SIGNIFICANT also needs a strategy
 * meeting and a CMOG listing. One alert per outcome per interview record.
 */
@Injectable()
export class ScreeningOutcomeReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.screening-outcomes';
  readonly eventTypes: ReadonlySet<string> = new Set(['ReturnInterviewHeld']);

  constructor(
    private readonly processing: EventProcessing,
    private readonly alerts: AlertRaiser,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  async react(recorded: RecordedEvent): Promise<void> {
    const { data } = recorded as unknown as ReturnInterviewHeld;
    const { screening } = data;
    for (const outcome of screening.outcomes) {
      const type: AlertType = outcome;
      await this.alerts.raise(
        {
          type,
          audience: AUDIENCE[outcome],
          childId: data.childId,
          reasons: reasonsFor(outcome, data),
          dueBy:
            outcome === 'SOCIAL_CARE_REFERRAL_REQUIRED' ? screening.socialCareDecisionDueAt : null,
          // An amended record that keeps the level raises nothing new; one per interview.
          causeKey: data.interviewId,
        },
        recorded,
      );
    }
  }
}

function reasonsFor(outcome: ScreeningOutcome, data: ReturnInterviewHeld['data']): string[] {
  const level = data.screening.confirmed;
  const confirmed =
    `The CSE screening at the return interview on ${data.conductedAt} was confirmed as ${level} risk` +
    (data.screening.overridden ? ` (the tool suggested ${data.screening.suggested})` : '') +
    '.';
  switch (outcome) {
    case 'SOCIAL_CARE_REFERRAL_REQUIRED':
      return [
        confirmed,
        `A ${level} risk of child sexual exploitation must be referred to children's social care; a decision is due by ${data.screening.socialCareDecisionDueAt}.`,
      ];
    case 'STRATEGY_MEETING_REQUIRED':
      return [
        confirmed,
        'A significant risk of child sexual exploitation needs a strategy meeting.',
      ];
    case 'CMOG_LISTING':
      return [
        confirmed,
        'A significant risk of child sexual exploitation is listed for the CSE and Missing Operational Group.',
      ];
  }
}
