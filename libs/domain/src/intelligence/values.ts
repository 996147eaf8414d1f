/** Who is passing the information on, as the CSE information report asks. */
export const INFORMATION_SOURCES = [
  'WITNESSED_INCIDENT',
  'PROFESSIONAL',
  'MEMBER_OF_PUBLIC',
] as const;
export type InformationSource = (typeof INFORMATION_SOURCES)[number];

/** A 1–5 grade, or "don't know" rather than a guess (the form asks for exactly that). */
export type Grade = 1 | 2 | 3 | 4 | 5 | 'DONT_KNOW';
export const isGrade = (value: unknown): value is Grade =>
  value === 'DONT_KNOW' ||
  (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5);

export const ENGAGEMENT_ANSWERS = ['YES', 'NO', 'DONT_KNOW', 'NOT_APPLICABLE'] as const;
export type EngagementAnswer = (typeof ENGAGEMENT_ANSWERS)[number];

export const SUBJECT_ROLES = ['VICTIM', 'PERPETRATOR'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

export interface ReportSubject {
  role: SubjectRole;
  /** A perpetrator may not be named yet: aliases and a description still count. */
  name?: string;
  aliases: string[];
  dateOfBirth?: string;
  address?: string;
  description?: string;
  /** A child Homeward knows, when the reporter can say which. */
  childId?: string;
}

export interface LicensedPremises {
  tradingName: string;
  address: string;
}

export interface Vehicle {
  registration?: string;
  description?: string;
}

export interface Reporter {
  name: string;
  jobTitle?: string;
  agency: string;
  contact?: string;
}
