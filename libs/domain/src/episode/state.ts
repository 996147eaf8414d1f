import type { EpisodeEvent } from './events';
import type { Classification, RiskLevel } from './values';

export type EpisodeStatus = 'OPEN' | 'FOUND' | 'CANCELLED';

export interface EpisodeSummary {
  episodeId: string;
  force: string;
  policeReference: string;
  classification: Classification;
  riskLevel: RiskLevel | null;
  cseConcern: boolean;
  lastSeenAt: string | null;
  reportedAt: string;
  status: EpisodeStatus;
  foundAt: string | null;
  returnedAt: string | null;
}

/** A child's missing record: every episode, and the one that is open (there is at most one). */
export interface ChildMissingRecord {
  childId: string | null;
  dateOfBirth: string | null;
  /** As the police last recorded them: triage and the screening floors read these. */
  lookedAfter: boolean;
  learningDisability: boolean;
  responsibleLocalAuthority: string | null;
  episodes: Record<string, EpisodeSummary>;
  openEpisodeId: string | null;
}

export const initialChildMissingRecord = (): ChildMissingRecord => ({
  childId: null,
  dateOfBirth: null,
  lookedAfter: false,
  learningDisability: false,
  responsibleLocalAuthority: null,
  episodes: {},
  openEpisodeId: null,
});

export function evolveChildMissingRecord(
  state: ChildMissingRecord,
  event: EpisodeEvent,
): ChildMissingRecord {
  const update = (episodeId: string, patch: Partial<EpisodeSummary>): ChildMissingRecord => {
    const episode = state.episodes[episodeId];
    if (!episode) return state;
    return { ...state, episodes: { ...state.episodes, [episodeId]: { ...episode, ...patch } } };
  };
  switch (event.type) {
    case 'MissingEpisodeReported': {
      const d = event.data;
      return {
        childId: d.childId,
        dateOfBirth: d.personal.child.dateOfBirth,
        lookedAfter: d.personal.child.lookedAfter,
        learningDisability: d.personal.child.learningDisability ?? false,
        responsibleLocalAuthority: d.responsibleLocalAuthority,
        openEpisodeId: d.episodeId,
        episodes: {
          ...state.episodes,
          [d.episodeId]: {
            episodeId: d.episodeId,
            force: d.force,
            policeReference: d.policeReference,
            classification: d.classification,
            riskLevel: d.riskLevel,
            cseConcern: d.cseConcern,
            lastSeenAt: d.lastSeenAt,
            reportedAt: d.reportedAt,
            status: 'OPEN',
            foundAt: null,
            returnedAt: null,
          },
        },
      };
    }
    case 'EpisodeRiskRegraded':
      return update(event.data.episodeId, {
        riskLevel: event.data.riskLevel,
        classification: event.data.classification,
        cseConcern: event.data.cseConcern,
      });
    case 'ChildFound': {
      const next = update(event.data.episodeId, {
        status: 'FOUND',
        foundAt: event.data.foundAt,
        returnedAt: event.data.returnedAt,
      });
      return { ...next, openEpisodeId: closeIfOpen(next.openEpisodeId, event.data.episodeId) };
    }
    case 'MissingReportCancelled': {
      const next = update(event.data.episodeId, { status: 'CANCELLED' });
      return { ...next, openEpisodeId: closeIfOpen(next.openEpisodeId, event.data.episodeId) };
    }
  }
}

const closeIfOpen = (openEpisodeId: string | null, closedEpisodeId: string): string | null =>
  openEpisodeId === closedEpisodeId ? null : openEpisodeId;
