import { Injectable, type OnModuleInit } from '@nestjs/common';
import { interviewEscalationAlerts, type InterviewEscalationAlertsInput } from '@homeward/domain';
import type { RecordedEvent } from '@homeward/event-store';
import { EventProcessing, type Reactor } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';

/**
 * The 72-hour clock's escalations become alerts: nobody allocated in time → the coordinator;
 * the deadline passed without an outcome → the safeguarding manager, once per interview. The
 * decision is the interviewEscalationAlerts workflow, on the escalation alone; this raises what
 * it asks for.
 */
@Injectable()
export class InterviewEscalationReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.interview-escalations';
  readonly eventTypes: ReadonlySet<string> = new Set(interviewEscalationAlerts.inputTypes);

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
        interviewEscalationAlerts
          .decide(recorded as unknown as InterviewEscalationAlertsInput)
          .map((request) => ({ request, cause: recorded })),
      ),
    );
  }
}
