import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadLocalUsers, parseLocalUsers } from './local-users';

const root = resolve(__dirname, '../../../..');

describe('the local users', () => {
  const dir = mkdtempSync(join(tmpdir(), 'homeward-local-users-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads config/local-users.json by default: the ten people of the local console', () => {
    const users = loadLocalUsers({}, root);
    expect(users).toHaveLength(10);
    expect(users.find((u) => u.id === 'admin-ola')).toMatchObject({
      roles: ['admin'],
      localAuthorities: [],
    });
  });

  it('offers nobody when the default file is absent', () => {
    expect(loadLocalUsers({}, dir)).toEqual([]);
  });

  it('stops at start-up on a bad CONSOLE_LOCAL_USERS file, naming the variable', () => {
    expect(() => loadLocalUsers({ CONSOLE_LOCAL_USERS: 'missing.json' }, dir)).toThrow(
      /CONSOLE_LOCAL_USERS: cannot read .*missing\.json/,
    );
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(() => loadLocalUsers({ CONSOLE_LOCAL_USERS: 'broken.json' }, dir)).toThrow(
      /CONSOLE_LOCAL_USERS: is not valid JSON/,
    );
    writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ id: 'x', roles: ['root'] }]));
    expect(() => loadLocalUsers({ CONSOLE_LOCAL_USERS: 'bad.json' }, dir)).toThrow(
      /CONSOLE_LOCAL_USERS: .*bad\.json \[0\] \(x\)\.name: is required/,
    );
  });

  it('names every bad entry and field', () => {
    const { users, problems } = parseLocalUsers([
      { id: 'a', name: 'A', roles: ['admin'], organisation: 'O', localAuthorities: [] },
      { id: 'a', name: 'B', roles: [], organisation: '', localAuthorities: ['*'], extra: 1 },
      'nobody',
    ]);
    expect(users).toEqual([]);
    expect(problems).toEqual([
      '[1] (a).extra: unknown field (known: id, name, roles, organisation, localAuthorities)',
      '[1] (a).id: is used by another user: ids must be unique',
      expect.stringMatching(/^\[1\] \(a\)\.roles: is required/),
      '[1] (a).organisation: is required',
      expect.stringMatching(/^\[1\] \(a\)\.localAuthorities: is required/),
      expect.stringMatching(/^\[2\]: must be an object/),
    ]);
    expect(parseLocalUsers({}).problems).toHaveLength(1);
  });
});
