import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ChildFound, MissingEpisodeReported } from '@homeward/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@homeward/event-store';
import { EventProcessing, readChildMissingRecord, type Reactor } from '@homeward/platform';
import { AlertRaiser } from '../raise-alert/alert-raiser';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A child placed, or found, in another local authority is at risk of falling between the two:
 * the responsible authority is told. One alert per episode and cause (placement, found).
 */
@Injectable()
export class OutOfAreaReactor implements Reactor, OnModuleInit {
  readonly name = 'safeguarding.out-of-area';
  readonly eventTypes = new Set(['MissingEpisodeReported', 'ChildFound']);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly processing: EventProcessing,
    private readonly alerts: AlertRaiser,
  ) {}

  onModuleInit(): void {
    this.processing.registerReactor(this);
  }

  async react(recorded: RecordedEvent): Promise<void> {
    if (recorded.type === 'MissingEpisodeReported') {
      const d = (recorded as unknown as MissingEpisodeReported).data;
      const placed = d.placementLocalAuthority;
      if (!placed || same(placed, d.responsibleLocalAuthority)) return;
      await this.alerts.raise(
        {
          type: 'OUT_OF_AREA',
          audience: 'RESPONSIBLE_LA',
          childId: d.childId,
          localAuthority: d.responsibleLocalAuthority,
          reasons: [
            `The child, looked after by ${d.responsibleLocalAuthority}, is placed in ${placed} and has been reported missing from there: ${d.responsibleLocalAuthority} remains responsible for the return interview and any referral.`,
          ],
          causeKey: `${d.episodeId}/placement`,
        },
        recorded,
      );
      return;
    }
    const d = (recorded as unknown as ChildFound).data;
    const found = d.foundInLocalAuthority;
    if (!found) return;
    const record = await readChildMissingRecord(this.store, d.childId, recorded.streamVersion);
    const responsible = record.responsibleLocalAuthority;
    if (!responsible || same(found, responsible)) return;
    await this.alerts.raise(
      {
        type: 'OUT_OF_AREA',
        audience: 'RESPONSIBLE_LA',
        childId: d.childId,
        localAuthority: responsible,
        reasons: [
          `The child was found in ${found}, outside ${responsible}, the authority responsible for them: where they were and who they were with matter to both areas.`,
        ],
        causeKey: `${d.episodeId}/found`,
      },
      recorded,
    );
  }
}
