import { RISK_LEVELS, type RiskLevel } from '../episode/values';
import { DEFAULT_POLICY } from './policy';
import { priorityRank, triageReturnInterview, type TriageDecision } from './triage';

const HIGH_RISK = 'police graded the episode HIGH risk';
const CSE_CONCERN =
  'police recorded a concern of child sexual exploitation or involvement of social care';

describe('HIGH risk puts the child first', () => {
  it('gives RED for a HIGH-risk episode', () => {
    expect(triageReturnInterview({ riskLevel: 'HIGH', cseConcern: false })).toEqual({
      priority: 'RED',
      reasons: [HIGH_RISK],
    });
  });
});

describe('a CSE concern puts the child first whatever the risk grade', () => {
  it('gives RED for a CSE concern on a LOW-risk episode', () => {
    expect(triageReturnInterview({ riskLevel: 'LOW', cseConcern: true })).toEqual({
      priority: 'RED',
      reasons: [CSE_CONCERN],
    });
  });

  it.each(['MEDIUM', 'VERY_LOW', null] as const)(
    'gives RED for a CSE concern when the risk is %s',
    (riskLevel) => {
      expect(triageReturnInterview({ riskLevel, cseConcern: true })).toEqual({
        priority: 'RED',
        reasons: [CSE_CONCERN],
      });
    },
  );
});

describe('HIGH risk with a CSE concern gives RED with both reasons', () => {
  it('lists the HIGH risk and the CSE concern', () => {
    expect(triageReturnInterview({ riskLevel: 'HIGH', cseConcern: true })).toEqual({
      priority: 'RED',
      reasons: [HIGH_RISK, CSE_CONCERN],
    });
  });
});

describe('MEDIUM risk gives AMBER', () => {
  it('gives AMBER with the grade as its reason', () => {
    expect(triageReturnInterview({ riskLevel: 'MEDIUM', cseConcern: false })).toEqual({
      priority: 'AMBER',
      reasons: ['police graded the episode MEDIUM risk'],
    });
  });
});

describe('LOW and VERY_LOW risk give GREEN, and the child is still offered an interview', () => {
  it.each(['LOW', 'VERY_LOW'] as const)('gives GREEN for %s risk', (riskLevel) => {
    expect(triageReturnInterview({ riskLevel, cseConcern: false })).toEqual({
      priority: 'GREEN',
      reasons: [
        `police graded the episode ${riskLevel} risk; the child is still offered an interview`,
      ],
    });
  });
});

describe('no risk grade (episode reported late) gives AMBER', () => {
  it('gives AMBER and says to treat with care', () => {
    expect(triageReturnInterview({ riskLevel: null, cseConcern: false })).toEqual({
      priority: 'AMBER',
      reasons: ['no police risk grade is recorded (episode reported late): treat with care'],
    });
  });
});

describe('priority reasons never use language that blames the child', () => {
  const allFacts = [...RISK_LEVELS, null].flatMap((riskLevel: RiskLevel | null) =>
    [true, false].map((cseConcern) => ({ riskLevel, cseConcern })),
  );
  const decisions: TriageDecision[] = allFacts.map(triageReturnInterview);

  it('covers every combination of risk and CSE concern', () => {
    expect(decisions).toHaveLength(10);
  });

  it('always gives at least one reason', () => {
    for (const decision of decisions) expect(decision.reasons.length).toBeGreaterThan(0);
  });

  it.each([
    'lifestyle',
    'choice',
    'trouble maker',
    'troublemaker',
    'prostitute',
    'promiscuous',
    'consent',
  ])('never says "%s"', (word) => {
    const text = decisions
      .flatMap((d) => d.reasons)
      .join('\n')
      .toLowerCase();
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(word);
  });
});

describe('priorities order the queue RED, then AMBER, then GREEN', () => {
  it('ranks RED before AMBER before GREEN', () => {
    expect([priorityRank('RED'), priorityRank('AMBER'), priorityRank('GREEN')]).toEqual([0, 1, 2]);
  });
});

describe('the default policy follows statutory guidance', () => {
  it('gives 72 hours for the return interview', () => {
    expect(DEFAULT_POLICY.returnInterview.deadlineHours).toBe(72);
  });
});
