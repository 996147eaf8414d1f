import { NO_CONCERN } from '../../contextual/association-reasons';
import { childFound } from '../../testing/fixtures';
import { workflowSpecification } from '../../testing/workflow-specification';
import {
  associationAlerts,
  type Association,
  type KnownChild,
} from './association-alerts.workflow';

const spec = workflowSpecification(associationAlerts);
const J = '11111111-1111-4111-8111-111111111111';
const K = '22222222-2222-4222-8222-222222222222';
const SEEN_AT = '2026-03-01T22:00:00.000Z';

const foundTogether: Association = {
  recordKey: 'found/episode-1',
  recordedOn: J,
  otherChildId: K,
  source: 'FOUND_WITH',
  seenAt: SEEN_AT,
};
const child = (childId: string, concern = NO_CONCERN, localAuthority = 'Walsall'): KnownChild => ({
  childId,
  localAuthority,
  concern,
});
const listed = { cmogListedAs: 'REPEAT_MISSING', screeningLevel: null };

describe('association alerts', () => {
  it('raises ASSOCIATION to CMOG for both children when one of them is of concern', () => {
    spec
      .given({
        associations: [foundTogether],
        children: [child(J), child(K, listed, 'Sandwell')],
      })
      .when(childFound())
      .thenOutputs((alerts) => {
        expect(alerts.map((a) => [a.type, a.audience, a.childId, a.localAuthority])).toEqual([
          ['ASSOCIATION', 'CMOG', J, 'Walsall'],
          ['ASSOCIATION', 'CMOG', K, 'Sandwell'],
        ]);
        // One alert per child, pair and record: the same key whichever way round.
        expect(alerts.map((a) => a.causeKey)).toEqual([
          `${J}+${K}/found/episode-1`,
          `${J}+${K}/found/episode-1`,
        ]);
        expect(alerts[0].reasons[0]).toBe(
          `When the police found this child on ${SEEN_AT}, child ${K} was with them.`,
        );
        expect(alerts[1].reasons[0]).toBe(
          `When the police found child ${J} on ${SEEN_AT}, this child was with them.`,
        );
      });
  });

  it('counts a MEDIUM or SIGNIFICANT screening as of concern, a LOW one not', () => {
    const screened = (level: 'LOW' | 'MEDIUM') => ({ cmogListedAs: null, screeningLevel: level });
    spec
      .given({ associations: [foundTogether], children: [child(J, screened('MEDIUM')), child(K)] })
      .when(childFound())
      .thenOutputs((alerts) => expect(alerts).toHaveLength(2));
    spec
      .given({ associations: [foundTogether], children: [child(J, screened('LOW')), child(K)] })
      .when(childFound())
      .thenNothingHappens();
  });

  it('raises nothing while neither child is of concern', () => {
    spec
      .given({ associations: [foundTogether], children: [child(J), child(K)] })
      .when(childFound())
      .thenNothingHappens();
  });

  it('raises nothing while the other child is not known to Homeward', () => {
    spec
      .given({ associations: [foundTogether], children: [child(J, listed)] })
      .when(childFound())
      .thenNothingHappens();
  });
});
