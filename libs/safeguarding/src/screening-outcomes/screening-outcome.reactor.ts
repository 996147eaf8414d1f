import { Injectable, type OnModuleInit } from '@nestjs/common';
import { screeningOutcomeAlerts, type ReturnInterviewHeld } from '@homeward/domain';
import type { RecordedEvent } from '@homeward/event-store';
import { EventProcessing, type Reactor } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';

/**
 * What a confirmed screening level requires: MEDIUM or SIGNIFICANT is referred to children's
 * social care (a decision is due within one working day); SIGNIFICANT also needs a strategy
 * meeting and a CMOG listing. The decision is the screeningOutcomeAlerts workflow, on the held
 * record alone; this raises what it asks for.
 */
@Injectable()
export class ScreeningOutcomeReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.screening-outcomes';
  readonly eventTypes: ReadonlySet<string> = new Set(screeningOutcomeAlerts.inputTypes);

  constructor(
    private readonly processing: EventProcessing,
    private readonly alerts: AlertRaiser,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  react(recorded: RecordedEvent): Promise<void> {
    return this.reactBatch([recorded]);
  }

  /** The batch's alerts are raised together (AlertRaiser.raiseAll). */
  reactBatch(batch: RecordedEvent[]): Promise<void> {
    return this.alerts.raiseAll(
      batch.flatMap((recorded) =>
        screeningOutcomeAlerts
          .decide(recorded as unknown as ReturnInterviewHeld)
          .map((request) => ({ request, cause: recorded })),
      ),
    );
  }
}
