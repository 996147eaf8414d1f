import type { AlertRequest } from '../../alert/alert-request';
import type { ChildFound, MissingEpisodeReported } from '../../episode/events';
import type { Workflow } from '../../shared/workflow';

export type OutOfAreaAlertsInput = MissingEpisodeReported | ChildFound;

export interface OutOfAreaAlertsState {
  /**
   * The child's responsible authority as the record stood at the event; null if it names none.
   * Only a ChildFound needs it: a MissingEpisodeReported carries its own.
   */
  responsibleLocalAuthority: string | null;
}

/** Authorities are named by people and forces alike: "camden " is Camden. */
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A child placed, or found, in another local authority is at risk of falling between the two:
 * the responsible authority is told. One alert per episode and cause (placement, found).
 */
export const outOfAreaAlerts: Workflow<OutOfAreaAlertsInput, OutOfAreaAlertsState, AlertRequest> = {
  inputTypes: ['MissingEpisodeReported', 'ChildFound'],
  decide(input, state) {
    switch (input.type) {
      case 'MissingEpisodeReported':
        return placedOutOfArea(input);
      case 'ChildFound':
        return foundOutOfArea(input, state);
    }
  },
};

function placedOutOfArea({ data: d }: MissingEpisodeReported): AlertRequest[] {
  const placed = d.placementLocalAuthority;
  if (!placed || same(placed, d.responsibleLocalAuthority)) return [];
  return [
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
  ];
}

function foundOutOfArea(
  { data: d }: ChildFound,
  { responsibleLocalAuthority: responsible }: OutOfAreaAlertsState,
): AlertRequest[] {
  const found = d.foundInLocalAuthority;
  if (!found || !responsible || same(found, responsible)) return [];
  return [
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
  ];
}
