import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { requireActionInScope } from '../shared/cmog-access';
import { decideOnAction, londonToday, readAction } from '../shared/cmog-request';
import { actionResult, type CmogActionResult } from '../shared/cmog-results';
import type { DeferActionDto } from './defer-action.dto';

export class DeferCmogActionRequest extends Command<CmogActionResult> {
  constructor(
    readonly actionId: string,
    readonly body: DeferActionDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/** A new due date and why; the second deferral flags the action for attention. */
@CommandHandler(DeferCmogActionRequest)
export class DeferCmogActionHandler implements ICommandHandler<DeferCmogActionRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ actionId, body, caller, causationId }: DeferCmogActionRequest) {
    // An action of an authority the caller does not work for is unknown to them (404).
    requireActionInScope(caller, await readAction(this.store, actionId), actionId);
    const now = new Date();
    const events = await decideOnAction(
      this.store,
      {
        type: 'DeferCmogAction',
        data: {
          actionId,
          newDueOn: body.newDueOn,
          reason: body.reason,
          deferredBy: caller.sub,
          now: now.toISOString(),
        },
      },
      causationId,
    );
    return actionResult(await readAction(this.store, actionId), actionId, events, londonToday(now));
  }
}
