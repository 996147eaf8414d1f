/**
 * Whether a failure means a server Homeward depends on is not answering (PostgreSQL, Redis,
 * Kafka, KurrentDB, the network between), as opposed to something about the input or a bug.
 * An outage is worth retrying, the same input will succeed once the server is back; anything
 * else fails the same way every time, so retrying it only blocks what queues behind it.
 *
 * It reads only the error (codes, names, the `cause` chain), so it is cheap and pure; callers
 * that can also ask the servers whether they answer use {@link isOutageNow}.
 */
export function isDependencyOutage(error: unknown): boolean {
  return causes(error).some(looksLikeOutage);
}

/**
 * An outage if the error looks like one, or if a dependency does not answer now: an error of an
 * unexpected shape raised while the database was going away is still not the input's fault.
 */
export async function isOutageNow(
  error: unknown,
  probes: ReadonlyArray<() => Promise<unknown>>,
): Promise<boolean> {
  if (isDependencyOutage(error)) return true;
  for (const probe of probes) {
    try {
      await probe();
    } catch {
      return true;
    }
  }
  return false;
}

/** Node's socket and DNS errors when a server is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 53 (insufficient resources: too many
 * connections, out of memory, disk full), 57P01-57P03 (the server shutting down, crashed or
 * starting up), and 40001/40P01 (serialization failure, deadlock: the server asks for a retry).
 */
const isPostgresOutageCode = (code: string) =>
  /^(08|53)[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '40001', '40P01'].includes(code);

/** gRPC status codes (KurrentDB): 4 DEADLINE_EXCEEDED, 14 UNAVAILABLE. */
const GRPC_OUTAGE_CODES = new Set([4, 14]);

/** Names the client libraries give to connection failures (kafkajs, ioredis, KurrentDB, fetch). */
const OUTAGE_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
  'MaxRetriesPerRequestError',
  'TimeoutError',
  'UnavailableError',
  'DeadlineExceededError',
  'NotLeaderError',
]);

/** Messages of errors that carry no code: pg's client and pool, ioredis. */
const OUTAGE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection is closed/i,
  /not queryable/i,
  /stream isn't writeable/i,
];

function looksLikeOutage(error: object): boolean {
  const { code, name, message, retriable } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    retriable?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || isPostgresOutageCode(code))) {
    return true;
  }
  if (typeof code === 'number' && GRPC_OUTAGE_CODES.has(code)) return true;
  if (typeof name === 'string') {
    if (OUTAGE_NAMES.has(name) || /Unavailable(Error)?$/.test(name)) return true;
    // kafkajs marks the broker-side conditions that pass (leader election, coordinator moving).
    if (name.startsWith('KafkaJS') && retriable === true) return true;
  }
  return typeof message === 'string' && OUTAGE_MESSAGES.some((pattern) => pattern.test(message));
}

/** The error, its `cause` chain and an AggregateError's members (Node's happy-eyeballs connect). */
function causes(error: unknown, depth = 0): object[] {
  if (typeof error !== 'object' || error === null || depth > 8) return [];
  const nested: unknown[] = [(error as { cause?: unknown }).cause];
  if (error instanceof AggregateError) nested.push(...(error.errors as unknown[]));
  return [error, ...nested.flatMap((e) => causes(e, depth + 1))];
}
