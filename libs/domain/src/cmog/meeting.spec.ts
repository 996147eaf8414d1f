import { InvalidCommand, RecordNotFound, RuleViolation } from '../shared/errors';
import { foldEvents } from '../shared/decider';
import { deciderSpecification } from '../testing/decider-specification';
import { buildCmogAgenda, type CmogAgenda } from './agenda';
import type { CmogMeetingCommand } from './meeting-commands';
import type { CmogAttendee, CmogMeetingEvent } from './meeting-events';
import { cmogMeetingView } from './meeting-view';
import { cmogMeetingDecider } from './meeting.decider';

const spec = deciderSpecification(cmogMeetingDecider);
const MEETING = '0b6f1c1e-2222-4a8e-9a57-2f4d3c6b8e10';
const CHILD = '0b6f1c1e-3333-4a8e-9a57-2f4d3c6b8e10';
const NOW = '2026-03-02T10:00:00.000Z';
const LATER = '2026-03-03T09:00:00.000Z';

const agenda: CmogAgenda = buildCmogAgenda({
  localAuthority: 'Walsall',
  today: '2026-03-02',
  generatedAt: NOW,
  previousAgendaAt: null,
  alerts: [
    {
      alertId: 'a1',
      type: 'REPEAT_MISSING',
      childId: CHILD,
      reasons: ['missing 3 times in the last 90 days'],
      raisedAt: '2026-02-20T10:00:00.000Z',
      status: 'OPEN',
    },
  ],
  actions: [
    {
      actionId: 'x1',
      meetingId: 'm0',
      childId: CHILD,
      owner: 'PC Amy Shah',
      agency: 'Police',
      description: 'Visit the hotel',
      dueOn: '2026-02-27',
      status: 'OPEN',
      deferrals: 0,
    },
  ],
});

const openMeeting = (
  over: Partial<{ heldOn: string; localAuthority: string }> = {},
): CmogMeetingCommand => ({
  type: 'OpenCmogMeeting',
  data: {
    meetingId: MEETING,
    heldOn: '2026-03-02',
    localAuthority: 'Walsall',
    agenda,
    openedBy: 'chair-1',
    now: NOW,
    ...over,
  },
});

const opened = cmogMeetingDecider.decide(openMeeting(), cmogMeetingDecider.initialState());

const amy: CmogAttendee = { name: 'PC Amy Shah', agency: 'Police', role: null };
const sam: CmogAttendee = {
  name: 'Sam Okoro',
  agency: 'Children’s Social Care',
  role: 'Team manager',
};
const lee: CmogAttendee = { name: 'Lee Ward', agency: 'Health', role: null };

const attendance = (
  attendees: CmogAttendee[],
  apologies: CmogAttendee[] = [],
): CmogMeetingCommand => ({
  type: 'RecordCmogAttendance',
  data: { meetingId: MEETING, attendees, apologies, recordedBy: 'chair-1', now: NOW },
});
const attended = cmogMeetingDecider.decide(
  attendance([amy, sam], [lee]),
  foldEvents(cmogMeetingDecider, opened),
);

const minutes = (text: string, decision = 'Refer to strategy meeting'): CmogMeetingCommand => ({
  type: 'RecordCmogMinutes',
  data: {
    meetingId: MEETING,
    minutes: text,
    decisions: [{ childId: CHILD, decision }],
    recordedBy: 'chair-1',
    now: NOW,
  },
});
const minuted: CmogMeetingEvent = {
  type: 'CmogMinutesRecorded',
  data: {
    meetingId: MEETING,
    childIds: [CHILD],
    recordedBy: 'chair-1',
    recordedAt: NOW,
    personal: {
      minutes: 'Discussed the hotel',
      decisions: [{ childId: CHILD, decision: 'Refer to strategy meeting' }],
    },
  },
};
const amend = (reason: string): CmogMeetingCommand => ({
  type: 'AmendCmogMinutes',
  data: {
    meetingId: MEETING,
    minutes: 'Discussed the hotel and the car',
    decisions: [{ childId: CHILD, decision: 'Refer to strategy meeting' }],
    reason,
    amendedBy: 'chair-1',
    now: LATER,
  },
});

describe('opening a meeting', () => {
  it('records the agenda as it stood, with action owners and descriptions under personal', () => {
    expect(opened).toHaveLength(1);
    const [event] = opened;
    expect(event.type).toBe('CmogMeetingOpened');
    if (event.type !== 'CmogMeetingOpened') return;
    expect(event.data.agenda.children[0].why).toEqual(['missing 3 times in the last 90 days']);
    expect(event.data.agenda.actions[0]).not.toHaveProperty('owner');
    expect(JSON.stringify(event.data.agenda)).not.toContain('Amy');
    expect(event.data.personal.agendaActions).toEqual([
      { actionId: 'x1', owner: 'PC Amy Shah', description: 'Visit the hotel' },
    ]);
    // And the meeting reads back whole.
    expect(cmogMeetingView(foldEvents(cmogMeetingDecider, opened))?.agenda).toEqual(agenda);
  });

  it('recognises a resent request and refuses another meeting under the same id', () => {
    spec.given(opened).when(openMeeting()).thenNothingHappens();
    spec
      .given(opened)
      .when(openMeeting({ heldOn: '2026-04-06' }))
      .thenThrows(RuleViolation);
  });

  it('needs a real date and a local authority', () => {
    spec
      .given([])
      .when(openMeeting({ heldOn: '2026-13-01', localAuthority: ' ' }))
      .thenThrows(InvalidCommand, (e) =>
        expect(e.errors.map((x) => x.field)).toEqual(['heldOn', 'localAuthority']),
      );
  });
});

describe('the attendance register', () => {
  it('records who attended and who sent apologies, by agency', () => {
    expect(attended).toEqual([
      {
        type: 'CmogAttendanceRecorded',
        data: {
          meetingId: MEETING,
          agenciesPresent: ['Children’s Social Care', 'Police'],
          agenciesSentApologies: ['Health'],
          recordedBy: 'chair-1',
          recordedAt: NOW,
          personal: { attendees: [amy, sam], apologies: [lee] },
        },
      },
    ]);
    const view = cmogMeetingView(foldEvents(cmogMeetingDecider, [...opened, ...attended]));
    expect(view?.attendance?.byAgency).toEqual([
      {
        agency: 'Children’s Social Care',
        present: [{ name: 'Sam Okoro', role: 'Team manager' }],
        apologies: [],
      },
      { agency: 'Health', present: [], apologies: [{ name: 'Lee Ward', role: null }] },
      { agency: 'Police', present: [{ name: 'PC Amy Shah', role: null }], apologies: [] },
    ]);
  });

  it('recognises the same register sent again', () => {
    spec
      .given([...opened, ...attended])
      .when(attendance([amy, sam], [lee]))
      .thenNothingHappens();
  });

  it('needs someone present, each with a name and an agency, nobody both present and apologising', () => {
    spec
      .given(opened)
      .when(attendance([]))
      .thenThrows(InvalidCommand, (e) => expect(e.errors[0].field).toBe('attendees'));
    spec
      .given(opened)
      .when(attendance([{ name: ' ', agency: '', role: null }]))
      .thenThrows(InvalidCommand, (e) =>
        expect(e.errors.map((x) => x.field)).toEqual(['attendees[0].name', 'attendees[0].agency']),
      );
    spec
      .given(opened)
      .when(attendance([amy], [sam, amy]))
      .thenThrows(InvalidCommand, (e) => expect(e.errors[0].field).toBe('apologies.1'));
  });

  it('is for a meeting Homeward knows', () => {
    spec
      .given([])
      .when(attendance([amy]))
      .thenThrows(RecordNotFound);
  });
});

describe('minutes', () => {
  it('are recorded once, with the decisions', () => {
    spec
      .given([...opened, ...attended])
      .when(minutes('Discussed the hotel'))
      .then([minuted]);
  });

  it('need the attendance register first', () => {
    spec
      .given(opened)
      .when(minutes('Discussed the hotel'))
      .thenThrows(RuleViolation, (e) => expect(e.message).toContain('attendance'));
  });

  it('cannot be recorded a second time, only amended with a reason', () => {
    spec
      .given([...opened, ...attended, minuted])
      .when(minutes('Something else'))
      .thenThrows(RuleViolation, (e) => {
        expect(e.message).toContain('chair-1');
        expect(e.message).toContain('amended');
      });
  });

  it('recognise the same minutes sent again', () => {
    spec
      .given([...opened, ...attended, minuted])
      .when(minutes('Discussed the hotel'))
      .thenNothingHappens();
  });

  it('are amended with a reason, and every amendment is kept', () => {
    const amended: CmogMeetingEvent = {
      type: 'CmogMinutesAmended',
      data: {
        meetingId: MEETING,
        amendment: 1,
        childIds: [CHILD],
        amendedBy: 'chair-1',
        amendedAt: LATER,
        personal: {
          minutes: 'Discussed the hotel and the car',
          decisions: [{ childId: CHILD, decision: 'Refer to strategy meeting' }],
          reason: 'The car was left out',
        },
      },
    };
    spec
      .given([...opened, ...attended, minuted])
      .when(amend('The car was left out'))
      .then([amended]);
    const state = foldEvents(cmogMeetingDecider, [...opened, ...attended, minuted, amended]);
    expect(state.minutes).toMatchObject({
      minutes: 'Discussed the hotel and the car',
      recordedBy: 'chair-1',
      amendments: [{ amendment: 1, reason: 'The car was left out', amendedBy: 'chair-1' }],
    });
    spec
      .given([...opened, ...attended, minuted, amended])
      .when(amend('Spelling'))
      .thenEvents((events) => expect(events[0].data).toMatchObject({ amendment: 2 }));
  });

  it('cannot be amended without a reason, nor before they exist', () => {
    spec
      .given([...opened, ...attended, minuted])
      .when(amend(' '))
      .thenThrows(InvalidCommand, (e) =>
        expect(e.errors).toEqual([
          { field: 'reason', message: 'must say why the minutes are amended' },
        ]),
      );
    spec
      .given([...opened, ...attended])
      .when(amend('x'))
      .thenThrows(RuleViolation);
  });

  it('need text and a decision in each decision', () => {
    spec
      .given([...opened, ...attended])
      .when(minutes('', ' '))
      .thenThrows(InvalidCommand, (e) =>
        expect(e.errors.map((x) => x.field)).toEqual(['minutes', 'decisions.0.decision']),
      );
  });
});
