import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { alertDecider, streams } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import { alertAudiencesOf, runDecider, type Caller } from '@homeward/platform';
import type { AcknowledgeAlertDto } from './acknowledge-alert.dto';
import type { AlertAcknowledgement } from './alert-acknowledgement.response';

export type { AlertAcknowledgement };

export class AcknowledgeAlertRequest extends Command<AlertAcknowledgement> {
  constructor(
    readonly alertId: string,
    readonly body: AcknowledgeAlertDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/** A person of the alert's audience says they have it in hand; the note says how. */
@CommandHandler(AcknowledgeAlertRequest)
export class AcknowledgeAlertHandler implements ICommandHandler<AcknowledgeAlertRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(request: AcknowledgeAlertRequest): Promise<AlertAcknowledgement> {
    const events = await runDecider(
      this.store,
      streams.alert(request.alertId),
      alertDecider,
      {
        type: 'AcknowledgeAlert',
        data: {
          alertId: request.alertId,
          note: request.body.note,
          acknowledgedBy: request.caller.sub,
          callerAudiences: alertAudiencesOf(request.caller),
          now: new Date().toISOString(),
        },
      },
      { causationId: request.causationId, correlationId: request.alertId },
    );
    return { alertId: request.alertId, recorded: events.map((e) => e.type) };
  }
}
