import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookTarget } from '@homeward/platform';
import { postSignedAlert, WebhookRejected } from './webhook-sender';

describe('postSignedAlert', () => {
  let server: Server;
  let port: number;
  let status = 200;
  let received = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      received++;
      req.resume();
      res.statusCode = status;
      // An answer that echoes the alert: it must never end up in the delivery record.
      res.end('could not process alert for Jane Doe born 2012-01-01');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const target = (host: string): WebhookTarget => ({
    name: 'local',
    url: `http://${host}:${port}/in`,
    audiences: ['CMOG'],
    localAuthorities: null,
    secret: 's'.repeat(32),
  });
  const send = (host: string, allowPrivateAddresses: boolean) =>
    postSignedAlert(target(host), 'a1', '{"alert":1}', { timeoutMs: 2000, allowPrivateAddresses });

  it('delivers, and keeps only the status code of a refusal', async () => {
    status = 200;
    await expect(send('127.0.0.1', true)).resolves.toBeUndefined();
    status = 500;
    const error = (await send('127.0.0.1', true).catch((e: unknown) => e)) as WebhookRejected;
    expect(error).toBeInstanceOf(WebhookRejected);
    expect(error.status).toBe(500);
    expect(error.message).toBe('HTTP 500');
  });

  it('refuses to connect to a loopback address outside development and test, name or literal', async () => {
    const before = received;
    await expect(send('127.0.0.1', false)).rejects.toThrow(
      "refused: the target's host resolves to 127.0.0.1, which is a loopback address",
    );
    await expect(send('localhost', false)).rejects.toThrow(/which is a loopback address/);
    expect(received).toBe(before);
  });
});
