import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PgliteDatabase, SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { AUDIT_LOG, SqlAuditLog, type AuditEntryInput, type AuditLog } from '@homeward/platform';
import { runCli } from '../support/cli';
import { api, startHomeward, testConfig, tokenFor } from '../support/homeward-app';

/**
 * The audit store in the embedded app: entries written through AUDIT_LOG, read back by the
 * auditor (filters, pages, bad input), refused to everyone else and to every change; the
 * database refuses UPDATE, and what a superuser does past the trigger, `verify` and the CLI's
 * `audit verify` find.
 */
describe('the audit store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'homeward-audit-'));
  let app: INestApplication | undefined;
  const auditor = `Bearer ${tokenFor('auditor', undefined, 'auditor-ada')}`;
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 9, minutes));
  const read = (overrides: Partial<AuditEntryInput>): AuditEntryInput => ({
    kind: 'READ',
    sub: 'worker-1',
    roles: ['ri-worker'],
    organisation: 'Streetwise',
    route: 'GET /api/v1/children/:childId/timeline',
    childIds: ['child-a'],
    purpose: 'return interview preparation',
    records: 4,
    status: 200,
    result: 'ok',
    requestId: 'req-1',
    ...overrides,
  });

  beforeAll(async () => {
    app = await startHomeward(testConfig({ kind: 'pglite', dataDir }));
    const log = app.get<AuditLog>(AUDIT_LOG);
    await log.record(read({}), at(0));
    await log.record(read({ sub: 'coordinator-1', childIds: ['child-a', 'child-b'] }), at(1));
    await log.record(read({ childIds: ['child-b'] }), at(2));
    await log.record(
      read({
        kind: 'BREAK_GLASS',
        sub: 'manager-1',
        reason: 'at risk tonight',
        childIds: ['child-c'],
      }),
      at(3),
    );
    await log.record(
      read({ childIds: ['child-a'], records: 0, status: 404, result: 'not-found' }),
      at(4),
    );
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (query: string, as = auditor) =>
    api(app!).get(`/api/v1/audit${query}`).set('Authorization', as);
  const seqs = (body: { entries: Array<{ seq: number }> }) => body.entries.map((e) => e.seq);

  it('gives the auditor every entry, oldest first, as recorded', async () => {
    const { body } = await get('').expect(200);
    expect(seqs(body)).toEqual([1, 2, 3, 4, 5]);
    expect(body.next).toBeNull();
    expect(body.entries[3]).toEqual({
      seq: 4,
      at: '2026-11-20T09:03:00.000Z',
      kind: 'BREAK_GLASS',
      sub: 'manager-1',
      roles: ['ri-worker'],
      organisation: 'Streetwise',
      route: 'GET /api/v1/children/:childId/timeline',
      childIds: ['child-c'],
      purpose: 'return interview preparation',
      records: 4,
      status: 200,
      result: 'ok',
      reason: 'at risk tonight',
      requestId: 'req-1',
      previousHash: body.entries[2].hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('filters by child, caller and time, and pages with next', async () => {
    expect(seqs((await get('?childId=child-a').expect(200)).body)).toEqual([1, 2, 5]);
    expect(seqs((await get('?childId=child-b&sub=coordinator-1').expect(200)).body)).toEqual([2]);
    expect(seqs((await get('?sub=worker-1').expect(200)).body)).toEqual([1, 3, 5]);
    const window = `?from=${at(1).toISOString()}&to=2026-11-20T09:04:00%2B00:00`;
    expect(seqs((await get(window).expect(200)).body)).toEqual([2, 3, 4]);
    const first = (await get('?limit=2').expect(200)).body;
    expect([seqs(first), first.next]).toEqual([[1, 2], 2]);
    const second = (await get(`?limit=2&after=${first.next}`).expect(200)).body;
    expect([seqs(second), second.next]).toEqual([[3, 4], 4]);
    const last = (await get(`?limit=2&after=${second.next}`).expect(200)).body;
    expect([seqs(last), last.next]).toEqual([[5], null]);
  });

  it('names each bad parameter', async () => {
    const fields = async (query: string) =>
      ((await get(query).expect(400)).body as { errors: Array<{ field: string }> }).errors.map(
        (e) => e.field,
      );
    expect(await fields('?limit=0')).toEqual(['limit']);
    expect(await fields('?limit=501')).toEqual(['limit']);
    expect(await fields('?limit=ten')).toEqual(['limit']);
    expect(await fields('?after=-1')).toEqual(['after']);
    expect(await fields('?from=yesterday&to=2026-11-20')).toEqual(['from', 'to']);
    expect(await fields(`?from=${at(2).toISOString()}&to=${at(1).toISOString()}`)).toEqual(['to']);
    expect(await fields('?limit=1&limit=2')).toEqual(['limit']);
    const { body } = await get('?limit=600').expect(400);
    expect(body).toEqual({
      errors: [{ field: 'limit', message: 'must be a whole number from 1 to 500' }],
    });
    await get('?limit=500').expect(200);
  });

  it('is for the auditor only', async () => {
    await get('', `Bearer ${tokenFor('safeguarding-manager')}`).expect(403);
    await get('', `Bearer ${tokenFor('admin')}`).expect(403);
    await api(app!).get('/api/v1/audit').expect(401);
  });

  it('answers 405, Allow: GET, to DELETE, PUT and PATCH on the audit and on an entry', async () => {
    for (const [method, path] of [
      ['delete', '/api/v1/audit'],
      ['put', '/api/v1/audit'],
      ['patch', '/api/v1/audit'],
      ['delete', '/api/v1/audit/3'],
      ['put', '/api/v1/audit/3'],
      ['patch', '/api/v1/audit/3'],
    ] as const) {
      const res = await api(app!)[method](path).set('Authorization', auditor).send({});
      expect({ method, path, status: res.status, allow: res.headers.allow }).toEqual({
        method,
        path,
        status: 405,
        allow: 'GET',
      });
      expect(res.body).toEqual({ message: expect.stringContaining('append-only') });
    }
    expect((await get('').expect(200)).body.entries).toHaveLength(5);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database', async () => {
    const db = app!.get<SqlDatabase>(SQL_DATABASE);
    await expect(
      db.query(`UPDATE hw_audit SET purpose = 'curiosity' WHERE seq = 2`),
    ).rejects.toThrow('hw_audit is append-only: UPDATE refused');
    await expect(db.query('DELETE FROM hw_audit WHERE seq = 4')).rejects.toThrow(
      'hw_audit is append-only: DELETE refused',
    );
    await expect(db.query('TRUNCATE hw_audit')).rejects.toThrow(
      'hw_audit is append-only: TRUNCATE refused',
    );
    expect(await app!.get<AuditLog>(AUDIT_LOG).verify()).toEqual({
      ok: true,
      checked: 5,
      firstBroken: null,
    });
  });

  it('is verified intact by the CLI, which lists it too', async () => {
    await app!.close();
    app = undefined;
    const verified = await runCli(['audit', 'verify'], { DATA_DIR: dataDir }, 'source');
    expect(verified).toMatchObject({ code: 0, stderr: '' });
    expect(verified.stdout).toBe('audit: 5 entries, chain intact\n');
    const listed = await runCli(
      ['audit', 'list', '--child', 'child-a', '--limit', '2'],
      { DATA_DIR: dataDir },
      'source',
    );
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(/^seq\s+at\s+kind\s+sub/);
    expect(listed.stdout).toMatch(/^1\s+2026-11-20T09:00:00\.000Z\s+READ\s+worker-1\s/m);
    expect(listed.stdout).toMatch(/^2\s+2026-11-20T09:01:00\.000Z\s+READ\s+coordinator-1\s/m);
    expect(listed.stdout).toContain('more: add --after 2');
    const bad = await runCli(['audit', 'list', '--limit', '0'], { DATA_DIR: dataDir }, 'source');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit takes a whole number from 1 to 500');
  }, 240_000);

  it('finds, past the trigger, a removed entry and then a changed one; the CLI exits 1', async () => {
    const db = await PgliteDatabase.open(dataDir);
    try {
      // The superuser (PGlite's only user) switches the trigger off.
      await db.query('ALTER TABLE hw_audit DISABLE TRIGGER hw_audit_append_only');
      await db.query('DELETE FROM hw_audit WHERE seq = 4');
      const log = await SqlAuditLog.create(db);
      const removed = await log.verify();
      expect(removed).toMatchObject({ ok: false, checked: 3, firstBroken: { seq: 4 } });
      expect(removed.firstBroken!.problem).toContain('entry 4 is missing');
      await db.query(`UPDATE hw_audit SET purpose = 'curiosity' WHERE seq = 2`);
      await db.query('ALTER TABLE hw_audit ENABLE TRIGGER hw_audit_append_only');
      expect(await log.verify()).toEqual({
        ok: false,
        checked: 1,
        firstBroken: { seq: 2, problem: 'changed: its fields do not match its hash' },
      });
    } finally {
      await db.close();
    }
    const { code, stdout, stderr } = await runCli(
      ['audit', 'verify'],
      { DATA_DIR: dataDir },
      'source',
    );
    expect(stderr).toBe('');
    expect(stdout).toContain(
      'audit: chain broken at entry 2: changed: its fields do not match its hash\n',
    );
    expect(code).toBe(1);
  }, 240_000);
});
