import { ROLES, type Caller, type Role } from '../auth/roles';
import { ROLE_POLICY, ROUTE_POLICY } from './access-policy';
import { coversAuthority, scopeOf } from './caller-scope';

const caller = (roles: Role[], claims: Partial<Caller> = {}): Caller => ({
  sub: 'someone',
  roles,
  organisation: null,
  localAuthorities: [],
  everyAuthority: false,
  force: null,
  everyForce: false,
  ...claims,
});

describe('the access policy', () => {
  it('prints itself: for each route, the roles that may call it and what it reads', () => {
    const routes = Object.entries(ROUTE_POLICY).map(
      ([route, p]) => `${route.padEnd(60)} ${p.reads.padEnd(14)} ${p.roles.join(', ')}`,
    );
    const roles = ROLES.map((role) => {
      const p = ROLE_POLICY[role];
      return `${role.padEnd(22)} children: ${p.children.padEnd(12)} fields: ${p.fields.join(', ') || '-'}${p.breakGlass ? '  (break-glass)' : ''}`;
    });
    // The table, as a reviewer reads it (npm test shows it).
    console.log(`Routes\n${routes.join('\n')}\n\nRoles\n${roles.join('\n')}`);
    expect(routes.length).toBe(Object.keys(ROUTE_POLICY).length);
    expect(Object.keys(ROLE_POLICY).sort()).toEqual([...ROLES].sort());
  });

  it('gives the auditor the audit and the administrator operations, and neither a child', () => {
    for (const role of ['auditor', 'admin'] as const) {
      expect(ROLE_POLICY[role].children).toBe('NONE');
      const reads = Object.entries(ROUTE_POLICY)
        .filter(([, p]) => p.reads === 'CHILD_DATA' && p.roles.includes(role))
        .map(([route]) => route);
      // The auditor reads alerts only of its own audience (break-glass), which name no child.
      expect(reads).toEqual(role === 'auditor' ? ['GET /api/v1/alerts'] : []);
    }
    expect(ROUTE_POLICY['GET /api/v1/audit'].roles).toEqual(['auditor']);
  });

  it('keeps intelligence and the CMOG picture to CMOG roles and the safeguarding manager', () => {
    const seeing = ROLES.filter((r) => ROLE_POLICY[r].fields.includes('INTELLIGENCE'));
    expect(seeing.sort()).toEqual(['cmog-chair', 'cmog-member', 'safeguarding-manager']);
    expect([...ROUTE_POLICY['GET /api/v1/cmog/picture'].roles].sort()).toEqual(seeing);
  });
});

describe('a caller’s scope', () => {
  it('given a worker, reaches only the children allocated to them', () => {
    const scope = scopeOf(
      caller(['ri-worker'], { sub: 'worker-a', localAuthorities: ['Walsall'] }),
    );
    expect(scope).toMatchObject({ everyChild: false, authorities: [], allocatedTo: 'worker-a' });
    expect(scope.fields.has('INTELLIGENCE')).toBe(false);
  });

  it('given social care of Walsall, reaches Walsall’s children (any case) and no other', () => {
    const scope = scopeOf(caller(['social-care'], { localAuthorities: ['Walsall'] }));
    expect(coversAuthority(scope, 'walsall ')).toBe(true);
    expect(coversAuthority(scope, 'Sandwell')).toBe(false);
    expect(coversAuthority(scope, null)).toBe(false);
  });

  it('given a development token for every authority, reaches every child only for a role that reaches by authority', () => {
    expect(scopeOf(caller(['safeguarding-manager'], { everyAuthority: true })).everyChild).toBe(
      true,
    );
    expect(scopeOf(caller(['ri-worker'], { everyAuthority: true })).everyChild).toBe(false);
    expect(scopeOf(caller(['auditor'], { everyAuthority: true })).everyChild).toBe(false);
  });

  it('gives break-glass to the safeguarding manager alone', () => {
    expect(ROLES.filter((r) => scopeOf(caller([r])).breakGlass)).toEqual(['safeguarding-manager']);
  });

  it('unites the reach of several roles', () => {
    const scope = scopeOf(
      caller(['ri-worker', 'social-care'], { sub: 'w', localAuthorities: ['Walsall'] }),
    );
    expect(scope).toMatchObject({ authorities: ['Walsall'], allocatedTo: 'w' });
  });
});
