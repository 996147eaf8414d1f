import { InvalidCommand, RuleViolation, type FieldError } from '../shared/errors';
import { isBefore } from '../shared/time';
import type {
  CancelReport,
  ChildDetails,
  EpisodeCommand,
  RecordChildFound,
  RegradeRisk,
  ReportMissing,
} from './commands';
import type { ChildFound, EpisodeEvent, MissingEpisodeReported } from './events';
import type { ChildMissingRecord, EpisodeSummary } from './state';
import { childAgeErrors, notInFuture } from './time-rules';
import { currentRiskLevel } from './values';

export function decideEpisode(command: EpisodeCommand, state: ChildMissingRecord): EpisodeEvent[] {
  switch (command.type) {
    case 'ReportMissing':
      return reportMissing(command, state);
    case 'RegradeRisk':
      return regradeRisk(command, state);
    case 'RecordChildFound':
      return recordChildFound(command, state);
    case 'CancelReport':
      return cancelReport(command, state);
  }
}

function reportMissing(
  { data }: ReportMissing,
  state: ChildMissingRecord,
): [MissingEpisodeReported] {
  rejectInvalid([
    ...notInFuture('occurredAt', data.lastSeenAt, data.receivedAt),
    ...childAgeErrors(data.child.dateOfBirth, data.lastSeenAt, data.receivedAt),
  ]);
  if (state.episodes[data.episodeId]) {
    throw new RuleViolation(
      `episode ${data.force}/${data.policeReference} has already been reported`,
    );
  }
  rejectSecondOpenEpisode(state, data.force, data.policeReference);
  const riskLevel = currentRiskLevel(data.riskGrade);
  return [
    {
      type: 'MissingEpisodeReported',
      data: {
        episodeId: data.episodeId,
        childId: data.childId,
        notificationId: data.notificationId,
        force: data.force,
        policeReference: data.policeReference,
        classification: data.classification,
        riskLevel,
        policeRiskGrade: data.riskGrade,
        cseConcern: data.cseConcern,
        lastSeenAt: data.lastSeenAt,
        reportedAt: data.receivedAt,
        reportedLate: false,
        ...localAuthorities(data.child),
        personal: {
          child: personalDetails(data.child),
          lastSeenLocation: data.lastSeenLocation,
          circumstances: data.circumstances ?? null,
        },
      },
    },
  ];
}

function regradeRisk({ data }: RegradeRisk, state: ChildMissingRecord): EpisodeEvent[] {
  const episode = knownEpisode(state, data);
  rejectInvalid([
    ...notInFuture('occurredAt', data.regradedAt, data.receivedAt),
    ...notBeforeLastSeen('occurredAt', data.regradedAt, episode, 'regraded'),
  ]);
  if (episode.status !== 'OPEN') {
    throw new RuleViolation(
      `episode ${data.force}/${data.policeReference} is closed (${episode.status.toLowerCase()}); ` +
        'a closed episode cannot be regraded',
    );
  }
  return [
    {
      type: 'EpisodeRiskRegraded',
      data: {
        episodeId: data.episodeId,
        childId: data.childId,
        notificationId: data.notificationId,
        regradedAt: data.regradedAt,
        previousRiskLevel: episode.riskLevel,
        riskLevel: currentRiskLevel(data.riskGrade),
        policeRiskGrade: data.riskGrade,
        classification: data.classification ?? episode.classification,
        cseConcern: data.cseConcern ?? episode.cseConcern,
        personal: { rationale: data.rationale },
      },
    },
  ];
}

function recordChildFound({ data }: RecordChildFound, state: ChildMissingRecord): EpisodeEvent[] {
  rejectInvalid([
    ...notInFuture('occurredAt', data.foundAt, data.receivedAt),
    ...notInFuture('returnedAt', data.returnedAt, data.receivedAt),
    ...(isBefore(data.returnedAt, data.foundAt)
      ? [{ field: 'returnedAt', message: 'the child cannot have returned before being found' }]
      : []),
  ]);
  const known = state.episodes[data.episodeId];
  if (!known) return openAndCloseLateReport(data, state);

  rejectInvalid(notBeforeLastSeen('occurredAt', data.foundAt, known, 'found'));
  if (known.status === 'FOUND') {
    throw new RuleViolation(
      `episode ${data.force}/${data.policeReference} is already closed: the child was found at ${known.foundAt}`,
    );
  }
  if (known.status === 'CANCELLED') {
    throw new RuleViolation(
      `episode ${data.force}/${data.policeReference} was cancelled as reported in error`,
    );
  }
  return [childFound(data, known, false)];
}

/**
 * A found notification for an episode Homeward never heard of must not be lost: if it carries
 * the child's details the episode is opened and closed from it, flagged as reported late, so the
 * child is still offered a return interview. Without them there is no child to attach it to.
 */
function openAndCloseLateReport(
  data: RecordChildFound['data'],
  state: ChildMissingRecord,
): EpisodeEvent[] {
  const late = data.lateReport;
  if (!late) {
    throw new RuleViolation(
      `no missing report is recorded for episode ${data.force}/${data.policeReference}; ` +
        'send the MISSING_REPORTED notification first, or include `child` in this CHILD_FOUND ' +
        'to record the episode as reported late',
    );
  }
  rejectInvalid(childAgeErrors(late.child.dateOfBirth, data.foundAt, data.receivedAt));
  rejectSecondOpenEpisode(state, data.force, data.policeReference);
  const riskLevel = late.riskGrade ? currentRiskLevel(late.riskGrade) : null;
  const reported: MissingEpisodeReported = {
    type: 'MissingEpisodeReported',
    data: {
      episodeId: data.episodeId,
      childId: data.childId,
      notificationId: data.notificationId,
      force: data.force,
      policeReference: data.policeReference,
      classification: late.classification,
      riskLevel,
      policeRiskGrade: late.riskGrade ?? null,
      cseConcern: late.cseConcern,
      lastSeenAt: null,
      reportedAt: data.receivedAt,
      reportedLate: true,
      ...localAuthorities(late.child),
      personal: { child: personalDetails(late.child), lastSeenLocation: null, circumstances: null },
    },
  };
  const episode: EpisodeSummary = {
    episodeId: data.episodeId,
    force: data.force,
    policeReference: data.policeReference,
    classification: late.classification,
    riskLevel,
    cseConcern: late.cseConcern,
    lastSeenAt: null,
    reportedAt: data.receivedAt,
    status: 'OPEN',
    foundAt: null,
    returnedAt: null,
  };
  return [reported, childFound(data, episode, true)];
}

function childFound(
  data: RecordChildFound['data'],
  episode: EpisodeSummary,
  reportedLate: boolean,
): ChildFound {
  const { localAuthority, ...foundLocation } = data.foundLocation;
  return {
    type: 'ChildFound',
    data: {
      episodeId: data.episodeId,
      childId: data.childId,
      notificationId: data.notificationId,
      foundAt: data.foundAt,
      returnedAt: data.returnedAt,
      notifiedAt: data.receivedAt,
      returnedTo: data.returnedTo ?? null,
      foundInLocalAuthority: localAuthority ?? null,
      classification: episode.classification,
      riskLevel: episode.riskLevel,
      cseConcern: episode.cseConcern,
      reportedLate,
      personal: { foundLocation, foundWith: data.foundWith },
    },
  };
}

function cancelReport({ data }: CancelReport, state: ChildMissingRecord): EpisodeEvent[] {
  const episode = knownEpisode(state, data);
  if (episode.status === 'CANCELLED') {
    throw new RuleViolation(
      `episode ${data.force}/${data.policeReference} has already been cancelled`,
    );
  }
  return [
    {
      type: 'MissingReportCancelled',
      data: {
        episodeId: data.episodeId,
        childId: data.childId,
        notificationId: data.notificationId,
        cancelledAt: data.cancelledAt,
        reason: data.reason,
      },
    },
  ];
}

function knownEpisode(
  state: ChildMissingRecord,
  data: { episodeId: string; force: string; policeReference: string },
): EpisodeSummary {
  const episode = state.episodes[data.episodeId];
  if (!episode) {
    throw new RuleViolation(
      `no missing report is recorded for episode ${data.force}/${data.policeReference}`,
    );
  }
  return episode;
}

function rejectSecondOpenEpisode(
  state: ChildMissingRecord,
  force: string,
  policeReference: string,
): void {
  const open = state.openEpisodeId ? state.episodes[state.openEpisodeId] : undefined;
  if (open) {
    throw new RuleViolation(
      `the child already has an open episode ${open.force}/${open.policeReference} ` +
        `(reported ${open.reportedAt}); record it found or cancelled before reporting ` +
        `${force}/${policeReference}`,
    );
  }
}

function notBeforeLastSeen(
  field: string,
  at: string,
  episode: EpisodeSummary,
  what: string,
): FieldError[] {
  return episode.lastSeenAt && isBefore(at, episode.lastSeenAt)
    ? [{ field, message: `${what} before the child was last seen (${episode.lastSeenAt})` }]
    : [];
}

function rejectInvalid(errors: FieldError[]): void {
  if (errors.length > 0) throw new InvalidCommand(errors);
}

const personalDetails = ({
  responsibleLocalAuthority: _r,
  placementLocalAuthority: _p,
  ...personal
}: ChildDetails) => personal;

const localAuthorities = (child: ChildDetails) => ({
  responsibleLocalAuthority: child.responsibleLocalAuthority,
  placementLocalAuthority: child.placementLocalAuthority ?? null,
});
