import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordNotFound, alertDecider, streams, type AlertRaised } from '@homeward/domain';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import {
  ChildAccess,
  alertAudiencesOf,
  coversAuthority,
  runDecider,
  scopeOf,
  type Caller,
} from '@homeward/platform';
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

/**
 * A person of the alert's audience says they have it in hand; the note says how. The alert must
 * be one the caller may see, else it is unknown to them (404, as for no alert): its child in
 * their scope; for an alert about no child (a place, a group), its local authority theirs; for
 * an alert about neither (a break-glass access, for the auditor), their audience its audience.
 */
@CommandHandler(AcknowledgeAlertRequest)
export class AcknowledgeAlertHandler implements ICommandHandler<AcknowledgeAlertRequest> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly children: ChildAccess,
  ) {}

  async execute(request: AcknowledgeAlertRequest): Promise<AlertAcknowledgement> {
    const callerAudiences = alertAudiencesOf(request.caller);
    await this.requireVisible(request, callerAudiences);
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
          callerAudiences,
          now: new Date().toISOString(),
        },
      },
      { causationId: request.causationId, correlationId: request.alertId },
    );
    return { alertId: request.alertId, recorded: events.map((e) => e.type) };
  }

  private async requireVisible(
    request: AcknowledgeAlertRequest,
    callerAudiences: readonly string[],
  ): Promise<void> {
    const unknown = () => new RecordNotFound(`no alert ${request.alertId} is known to Homeward`);
    const { events } = await this.store.readStream(streams.alert(request.alertId));
    const raised = events.find((e) => e.type === 'AlertRaised') as unknown as
      AlertRaised | undefined;
    if (!raised) throw unknown();
    const { childId, localAuthority, audience } = raised.data;
    const scope = scopeOf(request.caller);
    const visible =
      childId !== null
        ? (await this.children.visible(scope, [childId])).has(childId)
        : localAuthority !== null
          ? coversAuthority(scope, localAuthority)
          : callerAudiences.includes(audience);
    if (!visible) throw unknown();
  }
}
