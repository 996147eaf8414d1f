import { isDependencyOutage, isOutageNow } from './dependency-outage';

const withCode = (code: string | number, message = 'failed') =>
  Object.assign(new Error(message), { code });
const named = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, ...extra });

describe('isDependencyOutage', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:55432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a socket timeout', withCode('ETIMEDOUT')],
    ['a name that does not resolve', withCode('EAI_AGAIN')],
    ['PostgreSQL shutting down (57P01)', withCode('57P01', 'terminating connection')],
    ['PostgreSQL starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a PostgreSQL connection exception (08006)', withCode('08006')],
    ['too many PostgreSQL connections (53300)', withCode('53300')],
    ['a serialization failure PostgreSQL asks to retry (40001)', withCode('40001')],
    ['pg losing its connection', new Error('Connection terminated unexpectedly')],
    ['pg failing to connect in time', new Error('timeout exceeded when trying to connect')],
    ['ioredis after its connection closed', new Error('Connection is closed.')],
    ['a kafkajs connection error', named('KafkaJSConnectionError')],
    ['a kafkajs request timeout', named('KafkaJSRequestTimeoutError')],
    ['a retriable kafkajs protocol error', named('KafkaJSProtocolError', { retriable: true })],
    ['KurrentDB unavailable', named('UnavailableError')],
    ['a gRPC UNAVAILABLE status', withCode(14)],
    ['an AbortSignal timeout', named('TimeoutError')],
    ['a wrapped cause', new Error('could not append', { cause: withCode('ECONNREFUSED') })],
    [
      'an AggregateError of connect attempts',
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed'),
    ],
  ])('is true for %s', (_, error) => {
    expect(isDependencyOutage(error)).toBe(true);
  });

  it.each([
    ['the RangeError deep nesting raises', new RangeError('Maximum call stack size exceeded')],
    ['malformed JSON', new SyntaxError('Unexpected token } in JSON at position 3')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'trim')")],
    ['a plain error', new Error('something else')],
    ['a constraint violation (23505)', withCode('23505', 'duplicate key value')],
    ['invalid text for PostgreSQL (22021)', withCode('22021', 'invalid byte sequence')],
    [
      'a non-retriable kafkajs error around a RangeError',
      named('KafkaJSNonRetriableError', {
        retriable: false,
        cause: new RangeError('Maximum call stack size exceeded'),
      }),
    ],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['null', null],
  ])('is false for %s', (_, error) => {
    expect(isDependencyOutage(error)).toBe(false);
  });

  it('does not loop on a cause that points back at itself', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDependencyOutage(error)).toBe(false);
  });
});

describe('isOutageNow', () => {
  const answers = async () => 1;
  const silent = async () => {
    throw new Error('no answer');
  };

  it('is true for an outage error without asking anyone', async () => {
    const probe = jest.fn(answers);
    await expect(isOutageNow(withCode('ECONNRESET'), [probe])).resolves.toBe(true);
    expect(probe).not.toHaveBeenCalled();
  });

  it('is true for an odd error while a dependency does not answer', async () => {
    await expect(isOutageNow(new Error('odd'), [answers, silent])).resolves.toBe(true);
  });

  it('is false for an odd error while every dependency answers', async () => {
    await expect(isOutageNow(new Error('odd'), [answers, answers])).resolves.toBe(false);
  });
});
