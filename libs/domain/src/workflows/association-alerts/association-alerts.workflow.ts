import type { AlertRaised } from '../../alert/events';
import type { AlertRequest } from '../../alert/alert-request';
import {
  associationReasons,
  isOfConcern,
  NO_CONCERN,
  type AssociationSource,
  type Concern,
} from '../../contextual/association-reasons';
import type { ChildFound, MissingEpisodeReported } from '../../episode/events';
import type { ReturnInterviewHeld } from '../../return-interview/events';
import type { Workflow } from '../../shared/workflow';

/** Two children seen together, as a record (a found notification, an interview) says. */
export interface Association {
  recordKey: string;
  /** The child whose record it is. */
  recordedOn: string;
  otherChildId: string;
  source: AssociationSource;
  seenAt: string;
}

/** A child Homeward knows (it has a missing record), with what would make them of concern. */
export interface KnownChild {
  childId: string;
  localAuthority: string | null;
  concern: Concern;
}

export interface AssociationAlertsState {
  /** The associations the event recorded, or, for a child newly of concern or known, all theirs. */
  associations: Association[];
  /** Every child of those associations that Homeward knows. */
  children: KnownChild[];
}

export type AssociationAlertsInput =
  MissingEpisodeReported | ChildFound | ReturnInterviewHeld | AlertRaised;

const sortedPair = (a: string, b: string): string => [a, b].sort().join('+');

/**
 * A child found with, or naming at interview, another child known to Homeward, where either of
 * them is of concern (on CMOG's list, or last screened MEDIUM or SIGNIFICANT): ASSOCIATION to
 * CMOG for both children, once per pair and record. Associations are kept, so one recorded before
 * either child was of concern is raised when one becomes so (or when the other child becomes
 * known to Homeward).
 */
export const associationAlerts: Workflow<
  AssociationAlertsInput,
  AssociationAlertsState,
  AlertRequest
> = {
  inputTypes: ['MissingEpisodeReported', 'ChildFound', 'ReturnInterviewHeld', 'AlertRaised'],
  decide(_input, { associations, children }) {
    const known = new Map(children.map((c) => [c.childId, c]));
    const concernOf = (childId: string): Concern => known.get(childId)?.concern ?? NO_CONCERN;
    return associations.flatMap((association) => {
      const pair = [association.recordedOn, association.otherChildId];
      if (pair[0] === pair[1]) return [];
      // Both must be children Homeward knows; at least one of them of concern.
      if (!pair.every((childId) => known.has(childId))) return [];
      if (!pair.some((childId) => isOfConcern(concernOf(childId)))) return [];
      return [pair, [...pair].reverse()].map(([about, other]) => ({
        type: 'ASSOCIATION' as const,
        audience: 'CMOG' as const,
        childId: about,
        localAuthority: known.get(about)?.localAuthority ?? null,
        reasons: associationReasons({
          about,
          other,
          recordedOn: association.recordedOn,
          source: association.source,
          seenAt: association.seenAt,
          concerns: { about: concernOf(about), other: concernOf(other) },
        }),
        causeKey: `${sortedPair(about, other)}/${association.recordKey}`,
      }));
    });
  },
};
