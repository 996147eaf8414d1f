import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@homeward/event-store';
import type { Caller } from '@homeward/platform';
import { requireActionInScope } from '../shared/cmog-access';
import { decideOnAction, londonToday, readAction } from '../shared/cmog-request';
import { actionResult, type CmogActionResult } from '../shared/cmog-results';
import type { CompleteActionDto } from './complete-action.dto';

export class CompleteCmogActionRequest extends Command<CmogActionResult> {
  constructor(
    readonly actionId: string,
    readonly body: CompleteActionDto,
    readonly caller: Caller,
    readonly causationId: string,
  ) {
    super();
  }
}

/** Done, with what came of it. A second completion is a 409 naming who completed it. */
@CommandHandler(CompleteCmogActionRequest)
export class CompleteCmogActionHandler implements ICommandHandler<CompleteCmogActionRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ actionId, body, caller, causationId }: CompleteCmogActionRequest) {
    // An action of an authority the caller does not work for is unknown to them (404).
    requireActionInScope(caller, await readAction(this.store, actionId), actionId);
    const now = new Date();
    const today = londonToday(now);
    const events = await decideOnAction(
      this.store,
      {
        type: 'CompleteCmogAction',
        data: {
          actionId,
          outcome: body.outcome,
          completedBy: caller.sub,
          today,
          now: now.toISOString(),
        },
      },
      causationId,
    );
    return actionResult(await readAction(this.store, actionId), actionId, events, today);
  }
}
