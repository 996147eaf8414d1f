/**
 * The child sexual exploitation (CSE) screening tool every return interview includes.
 *
 * Source: West Midlands / Walsall CSE screening tool (2015 resource pack, Appendix 1), as
 * transcribed in shared/reference/cse-screening-tool.json from shared/seeds/004_6184872dce687849.txt,
 * section "Sexual exploitation screening tool". Codes are Homeward's stable identifiers; labels are
 * the tool's own wording, copied here so the running system never reads the reference file.
 *
 * The tool assists professional judgement: Homeward suggests a level, a person confirms it.
 */

export interface ScreeningItem {
  readonly code: string;
  readonly label: string;
}

/** Recorded with WHEN: CURRENT (now or within the past 6 months) or PRIOR (before that). */
export const SIGNIFICANT_INDICATORS = [
  { code: 'MISSING_EPISODES', label: 'Periods of absence/missing (day and/or night)' },
  {
    code: 'CONTROLLING_RELATIONSHIP',
    label:
      'Relationship of concern with a controlling adult (male or female) or young person, which might involve physical and/or emotional abuse and/or gang activity',
  },
  {
    code: 'UNKNOWN_VEHICLES',
    label: 'Entering/leaving vehicles driven by unknown adults (not car theft)',
  },
  {
    code: 'UNEXPLAINED_MONEY_GOODS',
    label: 'Unexplained amounts of money, expensive clothes or other items',
  },
  { code: 'RISKY_AREAS', label: 'Frequenting areas known for risky activities' },
  { code: 'ONLINE_GROOMING', label: 'Groomed/abused via the Internet and mobile technology' },
  {
    code: 'HOTELS_TAXIS_FAST_FOOD',
    label: 'Having unexplained contact with hotels, taxi companies or fast food outlets',
  },
] as const satisfies readonly ScreeningItem[];

/** Ticked (present or not). */
export const MEDIUM_INDICATORS = [
  { code: 'WHEREABOUTS_UNKNOWN', label: 'Whereabouts unclear or unknown – day and/or night' },
  {
    code: 'EDUCATION_DISENGAGED',
    label: 'Absences/exclusion from school or not engaged in school/college/training/work',
  },
  { code: 'UNKNOWN_CONTACTS', label: 'Regular/Multiple contacts from unknown adults/young people' },
  { code: 'UNEXPLAINED_INJURIES', label: 'Physical injuries without plausible explanation' },
  {
    code: 'STI_PREGNANCY',
    label: 'Sexually transmitted infections/ Pregnancies / termination of pregnancies',
  },
  { code: 'DRUG_MISUSE', label: 'Drugs Misuse' },
  { code: 'ALCOHOL_MISUSE', label: 'Alcohol Misuse' },
  {
    code: 'SELF_HARM_CHALLENGING',
    label: 'Self-harming/challenging behaviours/suicide attempts/ eating disorders/aggression',
  },
  {
    code: 'MOBILE_PHONE_CONCERN',
    label: 'Use of a mobile phone which causes concern – including sexting/multiple phones/sims',
  },
  { code: 'UNSAFE_INTERNET', label: 'Unsafe use of internet' },
  { code: 'SEXUALLY_ASSAULTED', label: 'Has been sexually assaulted' },
  {
    code: 'DISCLOSURE_WITHDRAWN',
    label: 'Disclosure of sexual/physical assault followed by withdrawal of allegation',
  },
  { code: 'RISKY_SEXUAL_BEHAVIOUR', label: 'Risky/inappropriate sexual behaviour' },
  { code: 'LACK_SAFETY_AWARENESS', label: 'Lack of awareness/understanding of being safe' },
  {
    code: 'PEERS_EXPLOITED',
    label: 'Peers involved in sexual exploitation/risky or concerning behaviours',
  },
  {
    code: 'INDEPENDENT_NOT_ENGAGING',
    label: 'Living independently and failing to respond to attempts by workers to keep in touch',
  },
  { code: 'A_AND_E_SUBSTANCE', label: 'A&E attendance because of alcohol/drug misuse' },
  {
    code: 'ACCOMPANIED_BY_UNKNOWN',
    label: 'Being accompanied to appointments by an unknown person that causes concern',
  },
  {
    code: 'GANG_ASSOCIATION',
    label: 'Association with gang members that suggests sexual exploitation is a possibility',
  },
] as const satisfies readonly ScreeningItem[];

/** Ticked (present or not). Vulnerability factors on their own suggest LOW. */
export const VULNERABILITY_FACTORS = [
  {
    code: 'UNSUITABLE_ACCOMMODATION',
    label:
      'Unsuitable/inappropriate accommodation/sofa surfing/financially unsupported/migrant/refugee',
  },
  { code: 'ISOLATED', label: 'Isolated from peers/family/social networks' },
  {
    code: 'LEARNING_DISABILITY_MENTAL_HEALTH',
    label: 'Learning disabilities/special needs or mental health issues',
  },
  { code: 'HISTORY_OF_CARE', label: 'History of Local Authority Care' },
  {
    code: 'CRIMINAL_ACTIVITY_GANG_RISK',
    label: 'Involvement in criminal activities and/or at risk of gang involvement',
  },
  {
    code: 'FAMILY_CONFLICT_LOSS',
    label:
      "Family conflict, breakdown, lack of love/security, death, loss, illness of a significant person in child's life",
  },
  {
    code: 'CHILD_PROTECTION_HISTORY',
    label:
      'History of Child Protection involvement in relation to neglect, physical sexual or emotional abuse',
  },
  {
    code: 'FAMILY_DA_SUBSTANCE_MH',
    label:
      'Family history of domestic abuse and/or substance misuse and/or mental health difficulties',
  },
] as const satisfies readonly ScreeningItem[];

export type SignificantCode = (typeof SIGNIFICANT_INDICATORS)[number]['code'];
export type MediumCode = (typeof MEDIUM_INDICATORS)[number]['code'];
export type VulnerabilityCode = (typeof VULNERABILITY_FACTORS)[number]['code'];
export type ScreeningCode = SignificantCode | MediumCode | VulnerabilityCode;

/** Ordered lowest first. NONE is Homeward's own level: nothing is ticked on the tool. */
export const CSE_LEVELS = ['NONE', 'LOW', 'MEDIUM', 'SIGNIFICANT'] as const;
export type CseLevel = (typeof CSE_LEVELS)[number];

/** CURRENT = now or within the past 6 months; PRIOR = before that. */
export const INDICATOR_TIMINGS = ['CURRENT', 'PRIOR'] as const;
export type IndicatorTiming = (typeof INDICATOR_TIMINGS)[number];

/** The tool's own descriptions of its levels, for screens and referrals. */
export const CSE_LEVEL_DESCRIPTIONS: Readonly<
  Record<CseLevel, { label: string; description: string }>
> = {
  NONE: {
    label: 'No indicators',
    description: 'Nothing is ticked on the screening tool.',
  },
  LOW: {
    label: 'Low risk',
    description: 'A child who is at risk of being groomed for sexual exploitation.',
  },
  MEDIUM: {
    label: 'Medium risk',
    description:
      'A child who is targeted for abuse through exchange of sex for affection, drugs, accommodation and goods etc. The likelihood of coercion and control is significant.',
  },
  SIGNIFICANT: {
    label: 'Significant risk',
    description:
      'A child who is entrenched in sexual exploitation, but often does not recognise the nature or self denies the nature of their abuse, and where coercion/control is implicit.',
  },
};

const codesOf = (items: readonly ScreeningItem[]): ReadonlySet<string> =>
  new Set(items.map((item) => item.code));

const SIGNIFICANT_CODES = codesOf(SIGNIFICANT_INDICATORS);
const MEDIUM_CODES = codesOf(MEDIUM_INDICATORS);
const VULNERABILITY_CODES = codesOf(VULNERABILITY_FACTORS);

export const isSignificantCode = (code: string): code is SignificantCode =>
  SIGNIFICANT_CODES.has(code);
export const isMediumCode = (code: string): code is MediumCode => MEDIUM_CODES.has(code);
export const isVulnerabilityCode = (code: string): code is VulnerabilityCode =>
  VULNERABILITY_CODES.has(code);
export const isCseLevel = (value: string): value is CseLevel =>
  (CSE_LEVELS as readonly string[]).includes(value);
export const isIndicatorTiming = (value: string): value is IndicatorTiming =>
  (INDICATOR_TIMINGS as readonly string[]).includes(value);

const LABELS: ReadonlyMap<string, string> = new Map(
  [...SIGNIFICANT_INDICATORS, ...MEDIUM_INDICATORS, ...VULNERABILITY_FACTORS].map((item) => [
    item.code,
    item.label,
  ]),
);

/** The tool's wording for a code. */
export const labelOf = (code: ScreeningCode): string => LABELS.get(code) ?? code;

/** NONE = 0 ... SIGNIFICANT = 3. */
export const levelRank = (level: CseLevel): number => CSE_LEVELS.indexOf(level);

export const higherLevel = (a: CseLevel, b: CseLevel): CseLevel =>
  levelRank(a) >= levelRank(b) ? a : b;
