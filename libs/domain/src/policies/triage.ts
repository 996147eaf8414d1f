import type { RiskLevel } from '../episode/values';

export const PRIORITIES = ['RED', 'AMBER', 'GREEN'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface TriageFacts {
  riskLevel: RiskLevel | null;
  cseConcern: boolean;
}

export interface TriageDecision {
  priority: Priority;
  /** Why, in plain words a worker can act on; never language that blames the child. */
  reasons: string[];
}

/**
 * Orders the return-interview queue. Every child is offered an interview whatever the priority;
 * the priority only says who is seen first.
 */
export function triageReturnInterview(facts: TriageFacts): TriageDecision {
  const red: string[] = [];
  if (facts.riskLevel === 'HIGH') red.push('police graded the episode HIGH risk');
  if (facts.cseConcern) {
    red.push(
      'police recorded a concern of child sexual exploitation or involvement of social care',
    );
  }
  if (red.length > 0) return { priority: 'RED', reasons: red };
  if (facts.riskLevel === 'MEDIUM') {
    return { priority: 'AMBER', reasons: ['police graded the episode MEDIUM risk'] };
  }
  if (facts.riskLevel === null) {
    return {
      priority: 'AMBER',
      reasons: ['no police risk grade is recorded (episode reported late): treat with care'],
    };
  }
  return {
    priority: 'GREEN',
    reasons: [
      `police graded the episode ${facts.riskLevel} risk; the child is still offered an interview`,
    ],
  };
}

export const priorityRank = (priority: Priority): number => PRIORITIES.indexOf(priority);
