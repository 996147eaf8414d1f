import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { addressProblem, publicOnlyLookup, type WebhookTarget } from '@homeward/platform';
import { signedHeaders } from './webhook-signature';

/** A receiver answered, but not with a 2xx: its status code is kept, never its body. */
export class WebhookRejected extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

export interface SendOptions {
  timeoutMs: number;
  /**
   * Loopback, private and link-local addresses may be connected to (development and test only).
   * Otherwise every address the target's name resolves to is checked when connecting (the
   * `lookup` of the request), and the connection refused if any is not public.
   */
  allowPrivateAddresses: boolean;
}

/**
 * POSTs one signed alert to one target with node:http(s). Anything but a 2xx (redirects are not
 * followed: the signed body goes only where it was configured to), a network error, a refused
 * address or a timeout throws, and the attempt is retried by the queue. The receiver's answer
 * is never read: it may echo the alert (which names a child).
 */
export async function postSignedAlert(
  target: WebhookTarget,
  alertId: string,
  body: string,
  options: SendOptions,
): Promise<void> {
  const url = new URL(target.url);
  // A literal address is connected to without a lookup: it is checked here instead.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  const problem = !options.allowPrivateAddresses && isIP(literal) ? addressProblem(literal) : null;
  if (problem)
    throw new Error(`refused: the target's host resolves to ${literal}, which ${problem}`);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const status = await new Promise<number>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: {
          ...signedHeaders(target.secret, alertId, body),
          'Content-Length': Buffer.byteLength(body),
        },
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
      },
      (response: IncomingMessage) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    req.on('error', (error) => reject(new Error(describeRequestError(error, options.timeoutMs))));
    req.end(body);
  });
  if (status < 200 || status >= 300) throw new WebhookRejected(status);
}

function describeRequestError(error: unknown, timeoutMs: number): string {
  const { name, code, message } = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
  };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  if (code === 'WEBHOOK_ADDRESS_REFUSED') return message ?? 'refused address';
  return `network error: ${code ?? message ?? String(error)}`;
}
