import { ROLES, type Role } from '../auth/roles';

/*
 * THE access policy: one table, read by the guard (which roles may call a route, whether it
 * reads child-level data and so needs a purpose and an audit entry) and by the query layer
 * (which children a role may see, and which fields of their records). Nothing else decides.
 * `npm test` prints it (access-policy.spec.ts) and the access-matrix e2e fails for a route
 * that has no entry here.
 */

/** Which children a role may see. */
export type ChildReach =
  /** Only children with a return interview allocated to the caller (`sub`). */
  | 'ALLOCATED'
  /** Children whose responsible or placement authority is one of the caller's. */
  | 'AUTHORITIES'
  /** No child at all (the auditor, the administrator, police systems). */
  | 'NONE';

/** Groups of fields in a child's records, shown or withheld by role. */
export type FieldGroup =
  /** Missing and found episodes: when, where, risk, who the child was found with. */
  | 'EPISODES'
  /** Return interviews: deadlines, attempts, outcome, the child's own account and disclosures. */
  | 'INTERVIEWS'
  /** CSE screening levels and indicators. */
  | 'SCREENING'
  /** Alerts raised about the child. */
  | 'ALERTS'
  /** Police intelligence and the CMOG picture: offenders, premises, vehicles, associates. */
  | 'INTELLIGENCE';

export interface RolePolicy {
  children: ChildReach;
  fields: readonly FieldGroup[];
  /** May open a child outside its reach, with a stated reason (audited, the auditor alerted). */
  breakGlass: boolean;
}

const CASE_FIELDS: readonly FieldGroup[] = ['EPISODES', 'INTERVIEWS', 'SCREENING', 'ALERTS'];
const ALL_FIELDS: readonly FieldGroup[] = [...CASE_FIELDS, 'INTELLIGENCE'];

/** For each role: which children, which fields. A caller with several roles gets their union. */
export const ROLE_POLICY: Readonly<Record<Role, RolePolicy>> = {
  'police-system': { children: 'NONE', fields: [], breakGlass: false },
  // Only what the interview needs: no police intelligence, no other children's disclosures.
  'ri-worker': { children: 'ALLOCATED', fields: CASE_FIELDS, breakGlass: false },
  'ri-coordinator': { children: 'AUTHORITIES', fields: CASE_FIELDS, breakGlass: false },
  'social-care': { children: 'AUTHORITIES', fields: CASE_FIELDS, breakGlass: false },
  'cmog-member': { children: 'AUTHORITIES', fields: ALL_FIELDS, breakGlass: false },
  'cmog-chair': { children: 'AUTHORITIES', fields: ALL_FIELDS, breakGlass: false },
  'safeguarding-manager': { children: 'AUTHORITIES', fields: ALL_FIELDS, breakGlass: true },
  auditor: { children: 'NONE', fields: [], breakGlass: false },
  admin: { children: 'NONE', fields: [], breakGlass: false },
};

/** What a route reads, which decides whether a purpose is required and an audit entry written. */
export type RouteReads =
  /** Child-level data: a stated purpose is required, and every call is audited. */
  | 'CHILD_DATA'
  /** A write: no purpose asked; the event it records says who did it. */
  | 'WRITE'
  /** No child-level data (figures, operations, the audit itself). */
  | 'NO_CHILD_DATA';

export interface RoutePolicy {
  roles: readonly Role[];
  reads: RouteReads;
}

const CMOG: Role[] = ['cmog-member', 'cmog-chair'];
const CASE_READERS: Role[] = [
  'ri-coordinator',
  'ri-worker',
  'social-care',
  ...CMOG,
  'safeguarding-manager',
];
const ALERT_READERS: Role[] = [
  'ri-coordinator',
  'social-care',
  ...CMOG,
  'safeguarding-manager',
  'auditor',
];
const child = (...roles: Role[]): RoutePolicy => ({ roles, reads: 'CHILD_DATA' });
const write = (...roles: Role[]): RoutePolicy => ({ roles, reads: 'WRITE' });
const other = (...roles: Role[]): RoutePolicy => ({ roles, reads: 'NO_CHILD_DATA' });

/** Every route behind the guard, by `METHOD /path` as the controllers declare it. */
export const ROUTE_POLICY = {
  'POST /api/v1/police/notifications': write('police-system'),

  'GET /api/v1/interviews': child('ri-coordinator', 'ri-worker', 'safeguarding-manager'),
  'GET /api/v1/interviews/:interviewId': child(
    'ri-coordinator',
    'ri-worker',
    'safeguarding-manager',
  ),
  'POST /api/v1/interviews/:interviewId/allocate': write('ri-coordinator'),
  'POST /api/v1/interviews/:interviewId/attempts': write('ri-worker'),
  'POST /api/v1/interviews/:interviewId/complete': write('ri-worker'),
  'POST /api/v1/interviews/:interviewId/decline': write('ri-worker'),
  'POST /api/v1/interviews/:interviewId/not-possible': write('ri-worker'),
  'POST /api/v1/interviews/:interviewId/review': write('ri-coordinator'),

  'GET /api/v1/children/:childId/timeline': child(...CASE_READERS),
  'GET /api/v1/children/:childId/associations': child(
    ...CMOG,
    'safeguarding-manager',
    'social-care',
  ),

  'GET /api/v1/alerts': child(...ALERT_READERS),
  'POST /api/v1/alerts/:alertId/acknowledge': write(...ALERT_READERS),
  'GET /api/v1/alerts/deliveries': other('safeguarding-manager', 'admin'),
  'POST /api/v1/alerts/deliveries/redrive': write('safeguarding-manager', 'admin'),

  'POST /api/v1/intelligence': write(
    'police-system',
    'ri-worker',
    'ri-coordinator',
    'social-care',
    ...CMOG,
    'safeguarding-manager',
  ),
  'GET /api/v1/cmog/picture': child(...CMOG, 'safeguarding-manager'),
  'GET /api/v1/cmog/hotspots': child(...CMOG, 'safeguarding-manager'),
  'GET /api/v1/cmog/agenda': child(...CMOG, 'safeguarding-manager'),
  'POST /api/v1/cmog/meetings': write('cmog-chair'),
  'GET /api/v1/cmog/meetings/:meetingId': child(...CMOG, 'safeguarding-manager'),
  'POST /api/v1/cmog/meetings/:meetingId/attendance': write('cmog-chair'),
  'POST /api/v1/cmog/meetings/:meetingId/minutes': write('cmog-chair'),
  'POST /api/v1/cmog/meetings/:meetingId/minutes/amendments': write('cmog-chair'),
  'POST /api/v1/cmog/actions': write(...CMOG),
  'POST /api/v1/cmog/actions/:actionId/defer': write(...CMOG),
  'POST /api/v1/cmog/actions/:actionId/complete': write(...CMOG),
  'GET /api/v1/cmog/actions': child(...CMOG, 'safeguarding-manager'),

  // Names a changed list, never a child; the reads it prompts are scoped and audited.
  'GET /api/v1/live': other(...CASE_READERS),

  'GET /api/v1/reports/board': other('safeguarding-manager'),
  'GET /api/v1/reports/ssda903/missing': child('safeguarding-manager'),

  'GET /api/v1/audit': other('auditor'),

  // Who the token says the caller is: the console shows it on every page.
  'GET /api/v1/session/me': other(...ROLES),
} as const satisfies Record<string, RoutePolicy>;

export type RouteKey = keyof typeof ROUTE_POLICY;

export const routePolicyOf = (key: string): RoutePolicy | undefined =>
  Object.prototype.hasOwnProperty.call(ROUTE_POLICY, key)
    ? (ROUTE_POLICY as Record<string, RoutePolicy>)[key]
    : undefined;
