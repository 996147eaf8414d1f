import type { WebhookTarget } from '@homeward/platform';
import { signedHeaders } from './webhook-signature';

/**
 * POSTs one signed alert to one target with Node's fetch. Anything but a 2xx (redirects are not
 * followed: the signed body goes only where it was configured to), a network error or a timeout
 * throws, and the attempt is retried by the queue.
 */
export async function postSignedAlert(
  target: WebhookTarget,
  alertId: string,
  body: string,
  timeoutMs: number,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers: signedHeaders(target.secret, alertId, body),
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(describeFetchError(error, timeoutMs));
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel().catch(() => undefined);
    return;
  }
  const text = await response.text().catch(() => '');
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  throw new Error(
    `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` +
      (snippet ? `: ${snippet}` : ''),
  );
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
  return `network error: ${detail}`;
}
