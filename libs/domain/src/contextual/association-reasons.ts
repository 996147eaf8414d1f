import type { CseLevel } from '../screening/screening-tool';

/** How two children were seen together: found together, or named at a return interview. */
export type AssociationSource = 'FOUND_WITH' | 'NAMED_AT_INTERVIEW';

/**
 * Why two children seen together go to CMOG, in plain words and by child id only: names and
 * descriptions of the people they were with stay in the read model, never in an alert.
 */

export interface Concern {
  /** The alert that put the child on CMOG's list, if one has. */
  cmogListedAs: string | null;
  /** The level of the child's most recently confirmed CSE screening, if any. */
  screeningLevel: CseLevel | null;
}

export const NO_CONCERN: Concern = { cmogListedAs: null, screeningLevel: null };

const CONCERNING_LEVELS: ReadonlySet<string> = new Set(['MEDIUM', 'SIGNIFICANT']);

/** On CMOG's list (CMOG_LISTING or REPEAT_MISSING), or last screened MEDIUM or SIGNIFICANT. */
export const isOfConcern = (concern: Concern): boolean =>
  concern.cmogListedAs !== null ||
  (concern.screeningLevel !== null && CONCERNING_LEVELS.has(concern.screeningLevel));

/** What makes a child of concern, as the rest of a sentence about them. */
export function concernWords(concern: Concern): string[] {
  const words: string[] = [];
  if (concern.cmogListedAs === 'REPEAT_MISSING') {
    words.push('is on the CMOG list because they have gone missing repeatedly');
  } else if (concern.cmogListedAs !== null) {
    words.push('is on the CMOG list after their CSE screening');
  }
  if (concern.screeningLevel !== null && CONCERNING_LEVELS.has(concern.screeningLevel)) {
    words.push(
      `had their most recent CSE screening confirmed as ${concern.screeningLevel} risk of sexual exploitation`,
    );
  }
  return words;
}

export interface AssociationFacts {
  /** The child the alert is about. */
  about: string;
  /** The other child of the pair. */
  other: string;
  /** The child whose found notification or interview recorded the association. */
  recordedOn: string;
  source: AssociationSource;
  seenAt: string;
  concerns: { about: Concern; other: Concern };
}

export function associationReasons(facts: AssociationFacts): string[] {
  const other = `child ${facts.other}`;
  const seen =
    facts.source === 'FOUND_WITH'
      ? `When the police found ${facts.recordedOn === facts.about ? 'this child' : other} on ${facts.seenAt}, ${facts.recordedOn === facts.about ? other : 'this child'} was with them.`
      : facts.recordedOn === facts.about
        ? `At the return interview on ${facts.seenAt}, this child named another child known to Homeward (${other}) as someone they were with.`
        : `At a return interview on ${facts.seenAt}, another child known to Homeward (${other}) named this child as someone they were with.`;
  const concerns = [
    ...sentence('This child', concernWords(facts.concerns.about)),
    ...sentence(`The other child (${other})`, concernWords(facts.concerns.other)),
  ];
  return [
    seen,
    ...concerns,
    'Children linked to one another may be at risk from the same people: CMOG should look at both children, and where and with whom they were, together.',
  ];
}

const sentence = (who: string, words: string[]): string[] =>
  words.length === 0 ? [] : [`${who} ${words.join(' and ')}.`];
