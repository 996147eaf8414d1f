import { RequestContext } from '../observability/request-context';
import { ROLES, type Caller } from '../auth/roles';
import { scopeOf, type CallerScope } from './caller-scope';

/**
 * Homeward itself (a reactor, the CLI, start-up): no person is asking, so nothing is withheld.
 * Every HTTP request has a verified caller by the time a query runs (the guard sees to it).
 */
const SYSTEM: Caller = {
  sub: 'homeward',
  roles: [...ROLES],
  organisation: null,
  localAuthorities: [],
  everyAuthority: true,
  force: null,
  everyForce: true,
};

/** The scope of whoever the work in hand is for. */
export function currentScope(): CallerScope {
  return scopeOf(RequestContext.current().caller ?? SYSTEM);
}
