import { PgliteDatabase } from '@homeward/event-store';
import { inRounds, insertRows, updateRows, type RowChanges } from './read-model-rows';

/** A projection's batch in sets must end where applying its events one at a time ends. */
let db: PgliteDatabase;

beforeAll(async () => {
  db = await PgliteDatabase.open();
  await db.query(`CREATE TABLE rows_under_test (
    id          uuid PRIMARY KEY,
    status      text NOT NULL,
    worker      text,
    first_at    timestamptz,
    linked      jsonb NOT NULL DEFAULT '[]',
    due_on      date,
    position    bigint NOT NULL
  )`);
});
afterAll(() => db?.close());
beforeEach(() => db.query('DELETE FROM rows_under_test'));

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const SPEC: RowChanges = {
  table: 'rows_under_test',
  key: 'id',
  position: 'position',
  combine: { first_at: 'first', linked: 'append' },
};
const row = (id: string) =>
  db.query<Record<string, unknown>>(
    `SELECT status, worker, first_at, linked, due_on::text AS due_on, position::int AS position
     FROM rows_under_test WHERE id = $1`,
    [id],
  );
const created = (id: string, position: number) => ({
  id,
  status: 'OPEN',
  due_on: '2026-12-07',
  position,
});

describe('new rows', () => {
  it('go in one statement, typed by their columns, and a row already there stays as it is', async () => {
    await insertRows(db, 'rows_under_test', 'id', [created(A, 1), created(B, 2)]);
    await insertRows(db, 'rows_under_test', 'id', [{ ...created(A, 9), status: 'CHANGED' }]);
    expect(await row(A)).toEqual([
      {
        status: 'OPEN',
        worker: null,
        first_at: null,
        linked: [],
        due_on: '2026-12-07',
        position: 1,
      },
    ]);
  });
});

describe('changes', () => {
  it('apply in log order, even when one row changes several times in the batch', async () => {
    await insertRows(db, 'rows_under_test', 'id', [created(A, 1), created(B, 2)]);
    await updateRows(db, SPEC, [
      { key: A, position: 3, set: { status: 'ALLOCATED' } },
      { key: B, position: 4, set: { status: 'HELD' } },
      { key: A, position: 5, set: { status: 'HELD' } },
      { key: A, position: 6, set: { worker: 'w2' } },
    ]);
    expect((await row(A))[0]).toMatchObject({ status: 'HELD', worker: 'w2', position: 6 });
    expect((await row(B))[0]).toMatchObject({ status: 'HELD', position: 4 });
  });

  it('never let an older change overwrite a newer one, redelivered or late', async () => {
    await insertRows(db, 'rows_under_test', 'id', [created(A, 1)]);
    await updateRows(db, SPEC, [{ key: A, position: 5, set: { status: 'HELD' } }]);
    await updateRows(db, SPEC, [{ key: A, position: 3, set: { status: 'ALLOCATED' } }]);
    expect((await row(A))[0]).toMatchObject({ status: 'HELD', position: 5 });
  });

  it('keep the first value of a "first" column and add to an "append" one', async () => {
    await insertRows(db, 'rows_under_test', 'id', [created(A, 1)]);
    await updateRows(db, SPEC, [
      { key: A, position: 2, set: { first_at: '2026-12-01T10:00:00.000Z', linked: ['e1'] } },
      { key: A, position: 3, set: { first_at: '2026-12-02T10:00:00.000Z', linked: ['e2'] } },
    ]);
    const [a] = await row(A);
    expect(new Date(a.first_at as string).toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(a.linked).toEqual(['e1', 'e2']);
  });

  it('without a position column, apply as given', async () => {
    await insertRows(db, 'rows_under_test', 'id', [created(A, 1)]);
    await updateRows(db, { table: 'rows_under_test', key: 'id' }, [
      { key: A, set: { status: 'CLOSED' } },
      { key: A, set: { status: 'CLOSED' } },
    ]);
    expect((await row(A))[0]).toMatchObject({ status: 'CLOSED', position: 1 });
  });

  it('refuse a name that is not a plain identifier', async () => {
    await expect(
      updateRows(db, { table: 'rows_under_test', key: 'id' }, [
        { key: A, set: { 'status = null; --': 'x' } },
      ]),
    ).rejects.toThrow('not a plain SQL identifier');
  });
});

describe('rounds', () => {
  it('hold each key at most once, in order', () => {
    const items = ['a1', 'b1', 'a2', 'a3', 'b2', 'c1'];
    expect(inRounds(items, (i) => i[0])).toEqual([['a1', 'b1', 'c1'], ['a2', 'b2'], ['a3']]);
  });
});
