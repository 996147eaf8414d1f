import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EVERY, isRole, ROLES, type Role } from '../auth/roles';

/** One person the console's local sign-in offers (config/local-users.json). */
export interface LocalUser {
  /** The token's `sub`: letters, digits, ".", "_" or "-". */
  id: string;
  /** The person's name, as the console shows it. */
  name: string;
  roles: Role[];
  organisation: string;
  /** The local authorities the person works for; empty for none (the auditor, the administrator). */
  localAuthorities: string[];
}

export const LOCAL_USERS = Symbol('LOCAL_USERS');

/** The environment variable naming another local users file. */
export const LOCAL_USERS_VARIABLE = 'CONSOLE_LOCAL_USERS';

/** Where the local users are unless CONSOLE_LOCAL_USERS says otherwise (relative to the working directory). */
export const DEFAULT_LOCAL_USERS_FILE = 'config/local-users.json';

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const FIELDS = ['id', 'name', 'roles', 'organisation', 'localAuthorities'];

/**
 * The local users: the file CONSOLE_LOCAL_USERS names (relative to the working directory), or
 * config/local-users.json. A named file must exist and be valid; the default file may be absent
 * (an image built without it offers no local user). Any problem throws, naming the variable and
 * every bad entry, so the service does not start on a half-read list.
 */
export function loadLocalUsers(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): LocalUser[] {
  const named = env[LOCAL_USERS_VARIABLE];
  const file = resolve(cwd, named ?? DEFAULT_LOCAL_USERS_FILE);
  if (named === undefined && !existsSync(file)) return [];
  const fail = (problems: string[]): never => {
    throw new Error(
      `Invalid configuration:\n${problems.map((p) => `  - ${LOCAL_USERS_VARIABLE}: ${p}`).join('\n')}`,
    );
  };
  if (named !== undefined && named.trim() === '') fail(['must name a JSON file of local users']);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const problem = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot read';
    fail([`${problem} ${file}: ${String(error)}`]);
  }
  const { users, problems } = parseLocalUsers(json);
  if (problems.length > 0) fail(problems.map((p) => `${file} ${p}`));
  return users;
}

/** Local users from parsed JSON: every problem, each named by the entry's index and field. */
export function parseLocalUsers(json: unknown): { users: LocalUser[]; problems: string[] } {
  if (!Array.isArray(json)) {
    return {
      users: [],
      problems: ['must hold a JSON array of { id, name, roles, organisation, localAuthorities }'],
    };
  }
  const problems: string[] = [];
  const users: LocalUser[] = [];
  const seen = new Set<string>();
  json.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(
        `[${index}]: must be an object { id, name, roles, organisation, localAuthorities }`,
      );
      return;
    }
    const raw = entry as Record<string, unknown>;
    const label = typeof raw.id === 'string' && raw.id ? `[${index}] (${raw.id})` : `[${index}]`;
    const before = problems.length;
    const bad = (field: string, message: string) => problems.push(`${label}.${field}: ${message}`);
    for (const field of Object.keys(raw)) {
      if (!FIELDS.includes(field)) bad(field, `unknown field (known: ${FIELDS.join(', ')})`);
    }
    if (typeof raw.id !== 'string' || !USER_ID.test(raw.id)) {
      bad('id', 'is required: letters, digits, ".", "_" or "-" (at most 100)');
    } else if (seen.has(raw.id)) {
      bad('id', 'is used by another user: ids must be unique');
    } else {
      seen.add(raw.id);
    }
    if (typeof raw.name !== 'string' || raw.name.trim() === '') bad('name', 'is required');
    if (
      !Array.isArray(raw.roles) ||
      raw.roles.length === 0 ||
      !raw.roles.every((role) => isRole(role))
    ) {
      bad('roles', `is required: a non-empty list of ${ROLES.join(', ')}`);
    }
    if (typeof raw.organisation !== 'string' || raw.organisation.trim() === '') {
      bad('organisation', 'is required');
    }
    if (
      !Array.isArray(raw.localAuthorities) ||
      !raw.localAuthorities.every(
        (la) => typeof la === 'string' && la.trim() !== '' && la.trim() !== EVERY,
      )
    ) {
      bad(
        'localAuthorities',
        'is required: a list of local authority names ([] for none; "*" is not one)',
      );
    }
    if (problems.length > before) return;
    users.push({
      id: raw.id as string,
      name: (raw.name as string).trim(),
      roles: [...new Set(raw.roles as Role[])],
      organisation: (raw.organisation as string).trim(),
      localAuthorities: [...new Set((raw.localAuthorities as string[]).map((la) => la.trim()))],
    });
  });
  return problems.length > 0 ? { users: [], problems } : { users, problems: [] };
}

/**
 * For a service's main file: the local users are checked before anything starts, and a bad
 * file stops it with the problem, not a stack trace.
 */
export function checkLocalUsersOrExit(): void {
  try {
    loadLocalUsers();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
