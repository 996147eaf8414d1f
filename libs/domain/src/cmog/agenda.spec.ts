import { buildCmogAgenda, type CmogAgendaAlertInput } from './agenda';

const CHILD_A = '0b6f1c1e-aaaa-4a8e-9a57-2f4d3c6b8e10';
const CHILD_B = '0b6f1c1e-bbbb-4a8e-9a57-2f4d3c6b8e10';

const alert = (over: Partial<CmogAgendaAlertInput>): CmogAgendaAlertInput => ({
  alertId: 'a',
  type: 'REPEAT_MISSING',
  childId: CHILD_A,
  reasons: ['missing 3 times in the last 90 days'],
  raisedAt: '2026-02-20T10:00:00.000Z',
  status: 'OPEN',
  ...over,
});

const base = {
  localAuthority: 'Walsall',
  today: '2026-03-02',
  generatedAt: '2026-03-02T10:00:00.000Z',
  previousAgendaAt: '2026-02-01T10:00:00.000Z',
  actions: [],
};

describe('the CMOG agenda', () => {
  it('lists each child once with every reason, from unacknowledged CMOG alerts', () => {
    const agenda = buildCmogAgenda({
      ...base,
      alerts: [
        alert({ alertId: 'a1' }),
        alert({
          alertId: 'a2',
          type: 'CMOG_LISTING',
          reasons: ['screening confirmed SIGNIFICANT'],
          raisedAt: '2026-02-25T10:00:00.000Z',
          status: 'ESCALATED',
        }),
        alert({ alertId: 'a3', childId: CHILD_B, status: 'ACKNOWLEDGED' }),
        alert({ alertId: 'a4', childId: CHILD_B, type: 'RI_OVERDUE' }),
      ],
    });
    expect(agenda.children).toEqual([
      {
        childId: CHILD_A,
        why: ['screening confirmed SIGNIFICANT', 'missing 3 times in the last 90 days'],
        alerts: [
          expect.objectContaining({ alertId: 'a2', type: 'CMOG_LISTING' }),
          expect.objectContaining({ alertId: 'a1', type: 'REPEAT_MISSING' }),
        ],
      },
    ]);
  });

  it('keeps associations about a group apart, and lists only hotspots new since the last meeting', () => {
    const agenda = buildCmogAgenda({
      ...base,
      alerts: [
        alert({ alertId: 'g', type: 'ASSOCIATION', childId: null, reasons: ['seen together'] }),
        alert({
          alertId: 'h-old',
          type: 'HOTSPOT',
          childId: null,
          raisedAt: '2026-01-20T10:00:00.000Z',
        }),
        alert({
          alertId: 'h-new',
          type: 'HOTSPOT',
          childId: null,
          raisedAt: '2026-02-10T10:00:00.000Z',
        }),
      ],
    });
    expect(agenda.associations.map((a) => a.alertId)).toEqual(['g']);
    expect(agenda.hotspots.map((a) => a.alertId)).toEqual(['h-new']);
    expect(agenda.hotspotsSince).toBe('2026-02-01T10:00:00.000Z');
    const first = buildCmogAgenda({
      ...base,
      previousAgendaAt: null,
      alerts: [alert({ alertId: 'h-old', type: 'HOTSPOT', childId: null })],
    });
    expect(first.hotspots).toHaveLength(1);
  });

  it('lists actions overdue or deferred twice, saying why, and no others', () => {
    const action = {
      meetingId: 'm',
      childId: null,
      owner: 'Amy Shah',
      agency: 'Police',
      description: 'Visit',
      status: 'OPEN' as const,
    };
    const agenda = buildCmogAgenda({
      ...base,
      alerts: [],
      actions: [
        { ...action, actionId: 'late', dueOn: '2026-03-01', deferrals: 0 },
        { ...action, actionId: 'deferred', dueOn: '2026-03-20', deferrals: 2 },
        { ...action, actionId: 'fine', dueOn: '2026-03-02', deferrals: 1 },
        { ...action, actionId: 'done', dueOn: '2026-02-01', deferrals: 3, status: 'DONE' },
      ],
    });
    expect(agenda.actions.map((a) => [a.actionId, a.attentionReasons, a.why])).toEqual([
      ['late', ['OVERDUE'], ['overdue: it was due on 2026-03-01']],
      ['deferred', ['DEFERRED_TWICE'], ['deferred 2 times without being completed']],
    ]);
    expect(agenda.actions[0]).toMatchObject({
      owner: 'Amy Shah',
      description: 'Visit',
      overdue: true,
    });
  });
});
