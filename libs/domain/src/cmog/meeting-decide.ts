import { InvalidCommand, RecordNotFound, RuleViolation, type FieldError } from '../shared/errors';
import { splitCmogAgenda } from './agenda';
import { isCalendarDate } from './dates';
import type {
  AmendCmogMinutes,
  CmogMeetingCommand,
  OpenCmogMeeting,
  RecordCmogAttendance,
  RecordCmogMinutes,
} from './meeting-commands';
import type { CmogAttendee, CmogDecision, CmogMeetingEvent } from './meeting-events';
import type { CmogMeetingState } from './meeting-state';

export function decideCmogMeeting(
  command: CmogMeetingCommand,
  state: CmogMeetingState,
): CmogMeetingEvent[] {
  switch (command.type) {
    case 'OpenCmogMeeting':
      return open(command, state);
    case 'RecordCmogAttendance':
      return recordAttendance(command, state);
    case 'RecordCmogMinutes':
      return recordMinutes(command, state);
    case 'AmendCmogMinutes':
      return amendMinutes(command, state);
  }
}

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

function open({ data }: OpenCmogMeeting, state: CmogMeetingState): CmogMeetingEvent[] {
  const errors: FieldError[] = [];
  if (!isCalendarDate(data.heldOn)) {
    errors.push({ field: 'heldOn', message: 'must be a date, YYYY-MM-DD' });
  }
  if (blank(data.localAuthority)) {
    errors.push({ field: 'localAuthority', message: 'must name the local authority' });
  }
  if (errors.length > 0) throw new InvalidCommand(errors);
  const localAuthority = data.localAuthority.trim();
  if (state.status !== 'NONE') {
    // A resent request is recognised; a different meeting under the same id is refused.
    if (state.heldOn === data.heldOn && state.localAuthority === localAuthority) return [];
    throw new RuleViolation(
      `meeting ${data.meetingId} already exists: ${state.localAuthority ?? ''} on ${state.heldOn ?? ''}`,
    );
  }
  const { agenda, actionDetails } = splitCmogAgenda(data.agenda);
  return [
    {
      type: 'CmogMeetingOpened',
      data: {
        meetingId: data.meetingId,
        heldOn: data.heldOn,
        localAuthority,
        openedBy: data.openedBy,
        openedAt: data.now,
        agenda,
        personal: { agendaActions: actionDetails },
      },
    },
  ];
}

function requireMeeting(state: CmogMeetingState, meetingId: string): void {
  if (state.status === 'NONE') {
    throw new RecordNotFound(`no CMOG meeting ${meetingId} is known to Homeward`);
  }
}

const clean = (people: CmogAttendee[]): CmogAttendee[] =>
  people.map((p) => ({
    name: p.name.trim(),
    agency: p.agency.trim(),
    role: p.role == null || p.role.trim() === '' ? null : p.role.trim(),
  }));

const personKey = (p: CmogAttendee) => `${p.name.toLowerCase()}|${p.agency.toLowerCase()}`;

function attendanceProblems(data: RecordCmogAttendance['data']): FieldError[] {
  const errors: FieldError[] = [];
  if (data.attendees.length === 0) {
    errors.push({ field: 'attendees', message: 'at least one person must have attended' });
  }
  for (const [list, people] of [
    ['attendees', data.attendees],
    ['apologies', data.apologies],
  ] as const) {
    people.forEach((p, i) => {
      if (blank(p.name)) errors.push({ field: `${list}[${i}].name`, message: 'must be given' });
      if (blank(p.agency)) {
        errors.push({ field: `${list}[${i}].agency`, message: 'must name the agency' });
      }
    });
  }
  return errors;
}

function recordAttendance(
  { data }: RecordCmogAttendance,
  state: CmogMeetingState,
): CmogMeetingEvent[] {
  requireMeeting(state, data.meetingId);
  const errors = attendanceProblems(data);
  if (errors.length > 0) throw new InvalidCommand(errors);
  const attendees = clean(data.attendees);
  const apologies = clean(data.apologies);
  const present = new Set(attendees.map(personKey));
  const both = apologies.findIndex((p) => present.has(personKey(p)));
  if (both >= 0) {
    throw new InvalidCommand([
      { field: `apologies.${both}`, message: 'is also listed as attending' },
    ]);
  }
  const current = state.attendance;
  if (
    current !== null &&
    JSON.stringify([current.attendees, current.apologies]) ===
      JSON.stringify([attendees, apologies])
  ) {
    return [];
  }
  const agencies = (people: CmogAttendee[]) => [...new Set(people.map((p) => p.agency))].sort();
  return [
    {
      type: 'CmogAttendanceRecorded',
      data: {
        meetingId: data.meetingId,
        agenciesPresent: agencies(attendees),
        agenciesSentApologies: agencies(apologies).filter((a) => !agencies(attendees).includes(a)),
        recordedBy: data.recordedBy,
        recordedAt: data.now,
        personal: { attendees, apologies },
      },
    },
  ];
}

function minutesProblems(minutes: string, decisions: CmogDecision[]): FieldError[] {
  const errors: FieldError[] = [];
  if (blank(minutes)) errors.push({ field: 'minutes', message: 'must not be empty' });
  decisions.forEach((d, i) => {
    if (blank(d.decision)) {
      errors.push({ field: `decisions.${i}.decision`, message: 'must say what was decided' });
    }
  });
  return errors;
}

const cleanDecisions = (decisions: CmogDecision[]): CmogDecision[] =>
  decisions.map((d) => ({ childId: d.childId ?? null, decision: d.decision.trim() }));

const childIdsOf = (decisions: CmogDecision[]): string[] => [
  ...new Set(decisions.flatMap((d) => (d.childId ? [d.childId] : []))),
];

function recordMinutes({ data }: RecordCmogMinutes, state: CmogMeetingState): CmogMeetingEvent[] {
  requireMeeting(state, data.meetingId);
  const errors = minutesProblems(data.minutes, data.decisions);
  if (errors.length > 0) throw new InvalidCommand(errors);
  const minutes = data.minutes.trim();
  const decisions = cleanDecisions(data.decisions);
  if (state.minutes !== null) {
    const same =
      state.minutes.amendments.length === 0 &&
      state.minutes.minutes === minutes &&
      JSON.stringify(state.minutes.decisions) === JSON.stringify(decisions);
    if (same) return [];
    throw new RuleViolation(
      `the minutes were recorded by ${state.minutes.recordedBy} at ${state.minutes.recordedAt}; ` +
        'they can only be amended now, with a reason',
    );
  }
  // Without a register nobody can tell which agencies heard the decisions.
  if (state.attendance === null) {
    throw new RuleViolation('record the attendance register before the minutes');
  }
  return [
    {
      type: 'CmogMinutesRecorded',
      data: {
        meetingId: data.meetingId,
        childIds: childIdsOf(decisions),
        recordedBy: data.recordedBy,
        recordedAt: data.now,
        personal: { minutes, decisions },
      },
    },
  ];
}

function amendMinutes({ data }: AmendCmogMinutes, state: CmogMeetingState): CmogMeetingEvent[] {
  requireMeeting(state, data.meetingId);
  const errors = minutesProblems(data.minutes, data.decisions);
  if (blank(data.reason)) {
    errors.push({ field: 'reason', message: 'must say why the minutes are amended' });
  }
  if (errors.length > 0) throw new InvalidCommand(errors);
  if (state.minutes === null) {
    throw new RuleViolation('there are no minutes to amend yet: record them first');
  }
  const decisions = cleanDecisions(data.decisions);
  return [
    {
      type: 'CmogMinutesAmended',
      data: {
        meetingId: data.meetingId,
        amendment: state.minutes.amendments.length + 1,
        childIds: childIdsOf(decisions),
        amendedBy: data.amendedBy,
        amendedAt: data.now,
        personal: { minutes: data.minutes.trim(), decisions, reason: data.reason.trim() },
      },
    },
  ];
}
