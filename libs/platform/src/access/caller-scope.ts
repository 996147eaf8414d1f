import type { Caller } from '../auth/roles';
import { ROLE_POLICY, type FieldGroup } from './access-policy';

/**
 * What the access policy lets one caller see, from their roles and claims: the union over
 * their roles. Pure, so the guard, the query layer and the tests read the same answer.
 */
export interface CallerScope {
  /** Every child (a development token covering every authority). */
  everyChild: boolean;
  /** Children whose responsible or placement authority is one of these. */
  authorities: readonly string[];
  /** Children with a return interview allocated to this worker. */
  allocatedTo: string | null;
  fields: ReadonlySet<FieldGroup>;
  breakGlass: boolean;
}

export function scopeOf(caller: Caller): CallerScope {
  let byAuthority = false;
  let allocated = false;
  let breakGlass = false;
  const fields = new Set<FieldGroup>();
  for (const role of caller.roles) {
    const policy = ROLE_POLICY[role];
    if (policy.children === 'AUTHORITIES') byAuthority = true;
    if (policy.children === 'ALLOCATED') allocated = true;
    if (policy.breakGlass) breakGlass = true;
    for (const field of policy.fields) fields.add(field);
  }
  return {
    everyChild: byAuthority && caller.everyAuthority,
    authorities: byAuthority ? caller.localAuthorities : [],
    allocatedTo: allocated ? caller.sub : null,
    fields,
    breakGlass,
  };
}

/** Whether the caller may see children of this authority (for records held by authority). */
export function coversAuthority(scope: CallerScope, authority: string | null): boolean {
  if (scope.everyChild) return true;
  if (authority === null) return false;
  const wanted = authority.trim().toLowerCase();
  return scope.authorities.some((a) => a.trim().toLowerCase() === wanted);
}

/** Whether the caller reaches children by authority at all (not only allocated ones). */
export const reachesByAuthority = (scope: CallerScope): boolean =>
  scope.everyChild || scope.authorities.length > 0;
