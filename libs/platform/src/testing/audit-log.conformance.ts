import { GENESIS_HASH, auditHash } from '../audit/audit-chain';
import type { AuditEntryInput, AuditLog } from '../audit/audit-log';

/** What the suite needs of an adapter: a fresh, empty log, and a way round its protection. */
export interface AuditLogTarget {
  log: AuditLog;
  /** Another writer on the same store (another process, another pool); the same one if none. */
  another?: () => Promise<AuditLog>;
  /** Changes one entry's purpose as a tamperer would: behind the adapter's back. */
  changePurpose(seq: number, purpose: string): Promise<void>;
  /** Removes one entry behind the adapter's back. */
  remove(seq: number): Promise<void>;
  /** Releases what the target holds. */
  close?: () => Promise<void>;
}

export const readOf = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  kind: 'READ',
  sub: 'worker-1',
  roles: ['ri-worker'],
  organisation: 'Streetwise',
  route: 'GET /api/v1/children/:childId/timeline',
  childIds: ['child-1'],
  purpose: 'return interview preparation',
  records: 3,
  status: 200,
  result: 'ok',
  requestId: 'req-1',
  ...overrides,
});

/** One suite for every AuditLog adapter: the in-memory one, PGlite and PostgreSQL. */
export function auditLogConformance(name: string, open: () => Promise<AuditLogTarget>): void {
  describe(`${name} audit log`, () => {
    let target: AuditLogTarget;
    let log: AuditLog;
    beforeEach(async () => {
      target = await open();
      log = target.log;
    });
    afterEach(async () => target?.close?.());

    it('numbers entries from 1 and chains each to the one before, from the genesis hash', async () => {
      const at = new Date('2026-11-20T10:00:00.123Z');
      const first = await log.record(readOf(), at);
      const second = await log.record(readOf({ kind: 'DISCLOSURE', purpose: null, reason: 'x' }));
      expect(first).toMatchObject({
        seq: 1,
        at: '2026-11-20T10:00:00.123Z',
        previousHash: GENESIS_HASH,
        reason: null,
        requestId: 'req-1',
      });
      expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(first.hash).toBe(auditHash(GENESIS_HASH, first));
      expect(second).toMatchObject({
        seq: 2,
        previousHash: first.hash,
        reason: 'x',
        purpose: null,
      });
      expect(second.hash).toBe(auditHash(first.hash, second));
      const { entries } = await log.list({}, { limit: 10 });
      expect(entries).toEqual([first, second]);
    });

    it('keeps every field as given, child ids deduplicated, nulls and empty lists included', async () => {
      const stored = await log.record(
        readOf({
          kind: 'BREAK_GLASS',
          roles: ['safeguarding-manager', 'auditor'],
          organisation: null,
          childIds: ['c-2', 'c-1', 'c-2'],
          reason: 'child at immediate risk, "quoted" \\ and ünicode',
          requestId: null,
          records: 0,
          status: 403,
          result: 'forbidden',
        }),
      );
      const empty = await log.record(readOf({ childIds: [], roles: [] }));
      const { entries } = await log.list({}, { limit: 10 });
      expect(entries).toEqual([stored, empty]);
      expect(entries[0]).toMatchObject({
        childIds: ['c-2', 'c-1'],
        roles: ['safeguarding-manager', 'auditor'],
        organisation: null,
        requestId: null,
      });
      expect(entries[1]).toMatchObject({ childIds: [], roles: [] });
      expect(await log.verify()).toEqual({ ok: true, checked: 2, firstBroken: null });
    });

    it('lists by seq with child, sub and time filters, a page at a time', async () => {
      const t = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 10, minutes));
      await log.record(readOf({ childIds: ['a', 'b'], sub: 'ann' }), t(0));
      await log.record(readOf({ childIds: ['b'], sub: 'bob' }), t(1));
      await log.record(readOf({ childIds: ['a'], sub: 'bob' }), t(2));
      await log.record(readOf({ childIds: [], sub: 'ann' }), t(3));
      await log.record(readOf({ childIds: ['a'], sub: 'ann' }), t(4));
      const seqs = async (...args: Parameters<AuditLog['list']>) => {
        const page = await log.list(...args);
        return { seqs: page.entries.map((e) => e.seq), next: page.next };
      };
      expect(await seqs({}, { limit: 100 })).toEqual({ seqs: [1, 2, 3, 4, 5], next: null });
      expect(await seqs({ childId: 'a' }, { limit: 100 })).toEqual({ seqs: [1, 3, 5], next: null });
      expect(await seqs({ childId: 'zzz' }, { limit: 100 })).toEqual({ seqs: [], next: null });
      expect(await seqs({ sub: 'ann' }, { limit: 100 })).toEqual({ seqs: [1, 4, 5], next: null });
      expect(await seqs({ childId: 'a', sub: 'bob' }, { limit: 100 })).toEqual({
        seqs: [3],
        next: null,
      });
      // From inclusive, to exclusive.
      expect(
        await seqs({ from: t(1).toISOString(), to: t(3).toISOString() }, { limit: 100 }),
      ).toEqual({ seqs: [2, 3], next: null });
      expect(await seqs({}, { limit: 2 })).toEqual({ seqs: [1, 2], next: 2 });
      expect(await seqs({}, { after: 2, limit: 2 })).toEqual({ seqs: [3, 4], next: 4 });
      expect(await seqs({}, { after: 4, limit: 2 })).toEqual({ seqs: [5], next: null });
      // Exactly a page left: no next.
      expect(await seqs({}, { after: 3, limit: 2 })).toEqual({ seqs: [4, 5], next: null });
      expect(await seqs({ childId: 'a' }, { limit: 1 })).toEqual({ seqs: [1], next: 1 });
      expect(await seqs({ childId: 'a' }, { after: 1, limit: 1 })).toEqual({ seqs: [3], next: 3 });
    });

    it('verifies an empty log and an intact one', async () => {
      expect(await log.verify()).toEqual({ ok: true, checked: 0, firstBroken: null });
      for (let i = 0; i < 5; i++) await log.record(readOf({ records: i }));
      expect(await log.verify()).toEqual({ ok: true, checked: 5, firstBroken: null });
    });

    it('finds a changed entry', async () => {
      for (let i = 0; i < 5; i++) await log.record(readOf({ records: i }));
      await target.changePurpose(3, 'curiosity');
      const verification = await log.verify();
      expect(verification).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3 } });
      expect(verification.firstBroken!.problem).toMatch(/^changed/);
    });

    it('finds a removed entry (a gap in seq)', async () => {
      for (let i = 0; i < 5; i++) await log.record(readOf({ records: i }));
      await target.remove(4);
      const verification = await log.verify();
      expect(verification).toMatchObject({ ok: false, checked: 3, firstBroken: { seq: 4 } });
      expect(verification.firstBroken!.problem).toContain('entry 4 is missing');
    });

    it('finds the first entry removed', async () => {
      for (let i = 0; i < 3; i++) await log.record(readOf({ records: i }));
      await target.remove(1);
      expect((await log.verify()).firstBroken).toMatchObject({ seq: 1 });
    });

    it('reports the first problem when there are several', async () => {
      for (let i = 0; i < 6; i++) await log.record(readOf({ records: i }));
      await target.remove(5);
      await target.changePurpose(2, 'curiosity');
      expect(await log.verify()).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2 } });
    });

    it('refuses an entry it could not store faithfully', async () => {
      await expect(log.record(readOf({ records: 1.5 }))).rejects.toThrow(/records/);
      await expect(log.record(readOf({ kind: 'PEEK' as never }))).rejects.toThrow(/kind/);
      expect(await log.verify()).toEqual({ ok: true, checked: 0, firstBroken: null });
    });

    it('keeps one chain when writers append at once', async () => {
      const writers = [log, (await target.another?.()) ?? log, (await target.another?.()) ?? log];
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          writers[i % writers.length].record(readOf({ records: i, sub: `writer-${i % 3}` })),
        ),
      );
      const { entries, next } = await log.list({}, { limit: 100 });
      expect(next).toBeNull();
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(new Set(entries.map((e) => e.records)).size).toBe(30);
      expect(await log.verify()).toEqual({ ok: true, checked: 30, firstBroken: null });
    });
  });
}
