import { addressProblem, publicOnlyLookup, webhookHostProblem } from './webhook-addresses';

describe('webhook target addresses', () => {
  it('takes public unicast addresses only', () => {
    for (const ok of ['8.8.8.8', '81.2.69.142', '2a00:1450:4009:81a::200e']) {
      expect(addressProblem(ok)).toBeNull();
    }
    const refused: Record<string, RegExp> = {
      '127.0.0.1': /loopback/,
      '127.8.9.10': /loopback/,
      '::1': /loopback/,
      '10.0.0.1': /private/,
      '172.16.0.1': /private/,
      '172.31.255.255': /private/,
      '192.168.0.1': /private/,
      'fc00::1': /private/,
      'fd12:3456::1': /private/,
      '169.254.169.254': /link-local/,
      '169.254.1.1': /link-local/,
      'fe80::1': /link-local/,
      '0.0.0.0': /unspecified/,
      '::': /unspecified/,
      '::ffff:10.0.0.1': /private/,
      '::ffff:169.254.169.254': /link-local/,
      '100.64.0.1': /shared/,
      '224.0.0.1': /multicast/,
      '255.255.255.255': /broadcast/,
    };
    for (const [address, why] of Object.entries(refused)) {
      expect([address, addressProblem(address)]).toEqual([address, expect.stringMatching(why)]);
    }
    // Just outside the private ranges.
    expect(addressProblem('172.32.0.1')).toBeNull();
    expect(addressProblem('11.0.0.1')).toBeNull();
  });

  it('checks host names at start-up without DNS: literals, localhost and the metadata names', () => {
    expect(webhookHostProblem('[::1]')).toMatch(/host ::1 is a loopback address/);
    expect(webhookHostProblem('LOCALHOST')).toMatch(/not a public name/);
    expect(webhookHostProblem('x.localhost.')).toMatch(/not a public name/);
    expect(webhookHostProblem('metadata.google.internal')).toMatch(/not a public name/);
    expect(webhookHostProblem('walsall.gov.uk')).toBeNull();
  });

  it('refuses a connection when the name resolves to an address on this network', async () => {
    const lookup = (host: string, all: boolean) =>
      new Promise<unknown>((resolve, reject) =>
        publicOnlyLookup(host, { all }, (error, address) =>
          error ? reject(error) : resolve(address),
        ),
      );
    await expect(lookup('localhost', false)).rejects.toThrow(
      /refused: the target's host resolves to (127\.0\.0\.1|::1), which is a loopback address/,
    );
    await expect(lookup('127.0.0.1', true)).rejects.toMatchObject({
      code: 'WEBHOOK_ADDRESS_REFUSED',
    });
    // A public literal needs no DNS server.
    await expect(lookup('8.8.8.8', false)).resolves.toBe('8.8.8.8');
    await expect(lookup('8.8.8.8', true)).resolves.toEqual([{ address: '8.8.8.8', family: 4 }]);
  });
});
