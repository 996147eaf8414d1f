import { ALERT_AUDIENCES, type AlertAudience } from '@homeward/domain';
import type { Caller, Role } from './roles';

/**
 * Which alerts each role reads and acknowledges: its own audience's. The safeguarding manager
 * oversees every alert. Children's social care also answer for children placed out of area.
 */
// A Map, not an object: a role named `constructor` or `__proto__` must find nothing.
const AUDIENCES_OF_ROLE = new Map<string, readonly AlertAudience[]>([
  ['safeguarding-manager', ALERT_AUDIENCES.filter((a) => a !== 'AUDITOR')],
  ['social-care', ['SOCIAL_CARE', 'RESPONSIBLE_LA']],
  ['cmog-member', ['CMOG']],
  ['cmog-chair', ['CMOG']],
  ['ri-coordinator', ['RI_COORDINATOR']],
  // Break-glass alerts only: the auditor sees no child's case alerts.
  ['auditor', ['AUDITOR']],
] satisfies Array<[Role, readonly AlertAudience[]]>);

export function alertAudiencesOf(caller: Caller): AlertAudience[] {
  const audiences = new Set<AlertAudience>();
  for (const role of caller.roles) {
    for (const audience of AUDIENCES_OF_ROLE.get(role) ?? []) audiences.add(audience);
  }
  return ALERT_AUDIENCES.filter((a) => audiences.has(a));
}
