import type { WebhookTarget } from '@homeward/platform';
import { alertDocumentOf, alertMessage } from './alert-document';
import { deliveryJobId, targetsForAlert } from './webhook-targets';

const secret = 's'.repeat(32);
const target = (name: string, over: Partial<WebhookTarget> = {}): WebhookTarget => ({
  name,
  url: `https://${name}.example/in`,
  audiences: ['SOCIAL_CARE'],
  localAuthorities: null,
  secret,
  ...over,
});

const raised = (over: {
  audience?: string;
  localAuthority?: string | null;
  childId?: string | null;
}) =>
  alertDocumentOf({
    type: 'AlertRaised',
    data: {
      alertId: '4b1d3c5e-0000-4000-8000-000000000000',
      type: 'SOCIAL_CARE_REFERRAL_REQUIRED',
      audience: (over.audience ?? 'SOCIAL_CARE') as 'SOCIAL_CARE',
      childId: over.childId === undefined ? '9f0c0000-0000-4000-8000-000000000001' : over.childId,
      localAuthority: over.localAuthority === undefined ? 'Walsall' : over.localAuthority,
      reasons: ['The screening found significant risk of exploitation.'],
      causedBy: ['event-1'],
      dueBy: '2026-11-22T11:05:00.000Z',
      raisedAt: '2026-11-21T11:05:00.000Z',
      acknowledgeBy: '2026-11-22T11:05:00.000Z',
    },
  });

describe('which targets take an alert', () => {
  const targets = [
    target('walsall-social-care', { localAuthorities: ['Walsall'] }),
    target('dudley-social-care', { localAuthorities: ['Dudley', 'Sandwell'] }),
    target('all-social-care'),
    target('managers', { audiences: ['SAFEGUARDING_MANAGER'] }),
  ];
  const names = (alert: ReturnType<typeof raised>) =>
    targetsForAlert(targets, alert).map((t) => t.name);

  it('by audience, and by local authority (case-insensitively) when a target names any', () => {
    expect(names(raised({}))).toEqual(['walsall-social-care', 'all-social-care']);
    expect(names(raised({ localAuthority: ' sandwell ' }))).toEqual([
      'dudley-social-care',
      'all-social-care',
    ]);
    expect(names(raised({ audience: 'SAFEGUARDING_MANAGER' }))).toEqual(['managers']);
  });

  it('sends an alert without a local authority only to targets of every local authority', () => {
    expect(names(raised({ localAuthority: null }))).toEqual(['all-social-care']);
  });
});

describe('the alert document', () => {
  it('leaves out internal tracing, and is keyed by child id, or alert id without a child', () => {
    const alert = raised({});
    expect(Object.keys(alert).sort()).toEqual(
      [
        'acknowledgeBy',
        'alertId',
        'audience',
        'childId',
        'dueBy',
        'localAuthority',
        'raisedAt',
        'reasons',
        'type',
      ].sort(),
    );
    expect(alertMessage(alert)).toEqual({
      key: alert.childId,
      value: JSON.stringify(alert),
      headers: {
        'alert-id': alert.alertId,
        'alert-type': 'SOCIAL_CARE_REFERRAL_REQUIRED',
        audience: 'SOCIAL_CARE',
        'content-type': 'application/json',
      },
    });
    expect(alertMessage(raised({ childId: null })).key).toBe(alert.alertId);
  });
});

describe('delivery job ids', () => {
  it('are <alertId>.<target>, never with ":" (BullMQ refuses it)', () => {
    expect(deliveryJobId('4b1d3c5e-0000-4000-8000-000000000000', 'walsall-social-care')).toBe(
      '4b1d3c5e-0000-4000-8000-000000000000.walsall-social-care',
    );
    expect(deliveryJobId('a', 'odd:name/x')).toBe('a.odd-name-x');
  });
});
