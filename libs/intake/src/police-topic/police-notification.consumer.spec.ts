import type { CommandBus } from '@nestjs/cqrs';
import { RuleViolation } from '@homeward/domain';
import type { EventStore } from '@homeward/event-store';
import type { BusMessage, ConsumedMessage, ConsumerOptions, MessageBus } from '@homeward/messaging';
import { PoliceNotificationConsumer } from './police-notification.consumer';

/**
 * Which failures of a police message are dead-lettered and which are retried (thrown back to
 * the bus, which redelivers): only an outage is retried, since anything else would fail the same
 * way on every redelivery and hold up its partition.
 */
const notification = {
  notificationId: '3f2b8c1e-5a7d-4e11-9c1a-0b6f2d9e4a01',
  type: 'REPORT_CANCELLED',
  force: 'WMP',
  policeReference: 'MP-1',
  occurredAt: '2026-01-01T10:00:00+00:00',
  reason: 'made in error',
};

function consumerWith(options: { execute: () => Promise<unknown>; storeAnswers?: boolean }) {
  let handle!: ConsumerOptions['handle'];
  const deadLetters: BusMessage[] = [];
  const bus = {
    consume: async (o: ConsumerOptions) => {
      handle = o.handle;
      return { joined: Promise.resolve(), stop: async () => undefined };
    },
    publish: async (_topic: string, messages: BusMessage[]) => {
      deadLetters.push(...messages);
    },
  } as unknown as MessageBus;
  const store = {
    headPosition: async () => {
      if (options.storeAnswers === false) throw new Error('no answer');
      return 0;
    },
  } as unknown as EventStore;
  const commands = { execute: options.execute } as unknown as CommandBus;
  const consumer = new PoliceNotificationConsumer(commands, store, bus);
  const deliver = async (value: string, extra: Partial<ConsumedMessage> = {}) => {
    await consumer.onApplicationBootstrap();
    await handle({
      topic: 'police.missing-persons.v1',
      partition: 0,
      offset: '7',
      key: 'WMP/MP-1',
      value,
      headers: {},
      ...extra,
    });
  };
  return { deliver, deadLetters };
}

const reasonOf = (m: BusMessage) => m.headers?.['x-error-reason'];

describe('a police message that cannot be recorded', () => {
  it('is dead-lettered as UNPROCESSABLE when recording throws something unexpected', async () => {
    const { deliver, deadLetters } = consumerWith({
      execute: () => Promise.reject(new TypeError('Cannot read properties of undefined')),
    });
    await deliver(JSON.stringify(notification));
    expect(deadLetters.map(reasonOf)).toEqual(['UNPROCESSABLE']);
    expect(deadLetters[0].headers?.['x-error']).toBe(
      'TypeError: Cannot read properties of undefined',
    );
    expect(deadLetters[0].value).toBe(JSON.stringify(notification));
  });

  it('is dead-lettered with the rule it breaks', async () => {
    const { deliver, deadLetters } = consumerWith({
      execute: () => Promise.reject(new RuleViolation('no open episode for WMP/MP-1')),
    });
    await deliver(JSON.stringify(notification));
    expect(deadLetters.map(reasonOf)).toEqual(['RULE_VIOLATION']);
  });

  it('is dead-lettered as MALFORMED when its bytes are not UTF-8', async () => {
    const execute = jest.fn();
    const { deliver, deadLetters } = consumerWith({ execute });
    await deliver('{"force":"W\ufffdP"}', { invalidUtf8: true });
    expect(deadLetters.map(reasonOf)).toEqual(['MALFORMED']);
    expect(execute).not.toHaveBeenCalled();
  });

  it('is retried, not dead-lettered, when the database is down', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55432'), {
      code: 'ECONNREFUSED',
    });
    const { deliver, deadLetters } = consumerWith({ execute: () => Promise.reject(refused) });
    await expect(deliver(JSON.stringify(notification))).rejects.toBe(refused);
    expect(deadLetters).toEqual([]);
  });

  it('is retried when the store does not answer, whatever the error looks like', async () => {
    const odd = new Error('something odd');
    const { deliver, deadLetters } = consumerWith({
      execute: () => Promise.reject(odd),
      storeAnswers: false,
    });
    await expect(deliver(JSON.stringify(notification))).rejects.toBe(odd);
    expect(deadLetters).toEqual([]);
  });
});
