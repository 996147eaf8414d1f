import { randomUUID } from 'node:crypto';
import type { ConsumedMessage, MessageBus } from '../message-bus.port';

/**
 * The MessageBus contract, run against every adapter (in-memory in `npm test`, Kafka against a
 * real broker in the integration suite). Topics and groups are fresh per test.
 */
export function messageBusConformance(adapterName: string, open: () => Promise<MessageBus>): void {
  describe(`MessageBus conformance: ${adapterName}`, () => {
    let bus: MessageBus;
    beforeAll(async () => {
      bus = await open();
    });
    afterAll(async () => {
      await bus.close();
    });

    const topic = () => `conformance.${randomUUID().slice(0, 8)}.v1`;
    const group = () => `conformance-${randomUUID().slice(0, 8)}`;

    async function collect(
      groupId: string,
      topics: string[],
      count: number,
      handle: (m: ConsumedMessage) => Promise<void> = async () => undefined,
    ): Promise<ConsumedMessage[]> {
      const seen: ConsumedMessage[] = [];
      let done!: () => void;
      const finished = new Promise<void>((r) => (done = r));
      const consumer = await bus.consume({
        groupId,
        topics,
        handle: async (m) => {
          await handle(m);
          seen.push(m);
          if (seen.length >= count) done();
        },
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([finished, new Promise((r) => (timer = setTimeout(r, 30_000)))]);
      clearTimeout(timer);
      await consumer.stop();
      return seen;
    }

    it('delivers published messages with key, value and headers, in order per key', async () => {
      const t = topic();
      await bus.ensureTopics([{ topic: t, partitions: 3 }]);
      const messages = Array.from({ length: 30 }, (_, i) => ({
        key: `child-${i % 3}`,
        value: JSON.stringify({ n: i }),
        headers: { 'event-id': `e-${i}` },
      }));
      await bus.publish(t, messages);
      const seen = await collect(group(), [t], 30);
      expect(seen).toHaveLength(30);
      for (const key of ['child-0', 'child-1', 'child-2']) {
        const ns = seen
          .filter((m) => m.key === key)
          .map((m) => (JSON.parse(m.value) as { n: number }).n);
        expect(ns).toEqual([...ns].sort((a, b) => a - b));
        expect(ns).toHaveLength(10);
      }
      expect(seen.find((m) => m.value === '{"n":7}')?.headers['event-id']).toBe('e-7');
    });

    it('starts a new group from the earliest message, and every group sees every message', async () => {
      const t = topic();
      await bus.ensureTopics([{ topic: t, partitions: 2 }]);
      await bus.publish(t, [{ key: 'k', value: 'before anyone listened' }]);
      const [a, b] = await Promise.all([collect(group(), [t], 1), collect(group(), [t], 1)]);
      expect(a.map((m) => m.value)).toEqual(['before anyone listened']);
      expect(b.map((m) => m.value)).toEqual(['before anyone listened']);
    });

    it('redelivers a message whose handler failed, and does not move past it', async () => {
      const t = topic();
      await bus.ensureTopics([{ topic: t, partitions: 1 }]);
      await bus.publish(t, [
        { key: 'k', value: 'first' },
        { key: 'k', value: 'second' },
      ]);
      let failures = 0;
      const seen = await collect(group(), [t], 2, async (m) => {
        if (m.value === 'first' && failures === 0) {
          failures += 1;
          throw new Error('transient failure');
        }
      });
      expect(failures).toBe(1);
      expect(seen.map((m) => m.value)).toEqual(['first', 'second']);
    });

    it('resumes a group where it left off after a stop', async () => {
      const t = topic();
      const g = group();
      await bus.ensureTopics([{ topic: t, partitions: 1 }]);
      await bus.publish(t, [{ key: 'k', value: 'one' }]);
      expect((await collect(g, [t], 1)).map((m) => m.value)).toEqual(['one']);
      await bus.publish(t, [{ key: 'k', value: 'two' }]);
      expect((await collect(g, [t], 1)).map((m) => m.value)).toEqual(['two']);
    });

    it('answers a ping', async () => {
      await expect(bus.ping()).resolves.toBeUndefined();
    });
  });
}
