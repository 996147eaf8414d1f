import { ResetWatch } from './reset-watch';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ResetWatch', () => {
  it('restarts each processor the poll finds reset, once at a time', async () => {
    let due = ['interviews.queue.v2'];
    const restarts: string[] = [];
    const watch = new ResetWatch(
      async () => due,
      async (name) => {
        restarts.push(name);
        await tick(60); // slower than the poll: a second poll must not start a second restart
        due = [];
      },
      () => {},
      10,
    );
    watch.start();
    await tick(150);
    await watch.stop();
    expect(restarts).toEqual(['interviews.queue.v2']);
  });

  it('says once that the database does not answer, and again after it answered once', async () => {
    let answering = false;
    const reported: unknown[] = [];
    const watch = new ResetWatch(
      async () => {
        if (!answering) throw new Error('connection refused');
        return [];
      },
      async () => {},
      (error) => reported.push(error),
      10,
    );
    watch.start();
    await tick(80);
    expect(reported).toHaveLength(1);
    answering = true;
    await tick(40);
    answering = false;
    await tick(40);
    await watch.stop();
    expect(reported).toHaveLength(2);
  });

  it('ignores a reset noticed before it started (start-up restarts nothing)', async () => {
    const restarts: string[] = [];
    const watch = new ResetWatch(
      async () => ['a'],
      async (n) => void restarts.push(n),
      () => {},
    );
    watch.due('a');
    await tick(20);
    expect(restarts).toEqual([]);
  });
});
