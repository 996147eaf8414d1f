import { Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  ReturnInterviewDeadlineBreached,
  ReturnInterviewEvent,
  ReturnInterviewUnallocatedEscalated,
} from '@homeward/domain';
import type { RecordedEvent } from '@homeward/event-store';
import { EventProcessing, type Reactor } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';

const hoursBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 36e5);

/**
 * The 72-hour clock's escalations become alerts: nobody allocated in time → the coordinator;
 * the deadline passed without an outcome → the safeguarding manager, once per interview.
 */
@Injectable()
export class InterviewEscalationReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.interview-escalations';
  readonly eventTypes: ReadonlySet<string> = new Set<ReturnInterviewEvent['type']>([
    'ReturnInterviewUnallocatedEscalated',
    'ReturnInterviewDeadlineBreached',
  ]);

  constructor(
    private readonly processing: EventProcessing,
    private readonly alerts: AlertRaiser,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  async react(recorded: RecordedEvent): Promise<void> {
    const event = recorded as unknown as
      ReturnInterviewUnallocatedEscalated | ReturnInterviewDeadlineBreached;
    if (event.type === 'ReturnInterviewUnallocatedEscalated') {
      const d = event.data;
      await this.alerts.raise(
        {
          type: 'RI_UNALLOCATED',
          audience: 'RI_COORDINATOR',
          childId: d.childId,
          reasons: [
            `The return interview has not been allocated to a worker ${hoursBetween(d.scheduledAt, d.detectedAt)} hours after it was scheduled; it is due by ${d.dueAt}.`,
          ],
          dueBy: d.dueAt,
          causeKey: d.interviewId,
        },
        recorded,
      );
      return;
    }
    const d = event.data;
    await this.alerts.raise(
      {
        type: 'RI_OVERDUE',
        audience: 'SAFEGUARDING_MANAGER',
        childId: d.childId,
        reasons: [
          d.notifiedLate
            ? `The child's return was notified to Homeward after the interview deadline (${d.dueAt}) had already passed: the interview is overdue from the start and is still to be offered.`
            : `The return interview was not held, declined or recorded as not possible by its deadline (${d.dueAt}).`,
        ],
        dueBy: null,
        causeKey: d.interviewId,
      },
      recorded,
    );
  }
}
