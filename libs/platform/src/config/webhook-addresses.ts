import { lookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where alert webhooks may go outside development and test: only public unicast addresses.
 * Alerts name children, and a target on this network (the loopback, a private range, the cloud
 * metadata service) would let a bad ALERT_WEBHOOKS file, or a DNS name that later points
 * inwards, send them somewhere no one meant.
 */

/** Names that are never public, whatever DNS says. */
const NON_PUBLIC_NAMES = new Set(['localhost', 'metadata.google.internal', 'metadata']);

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address (169.254.0.0/16, fe80::/10: the cloud metadata service)',
  private: 'a private address (10/8, 172.16/12, 192.168/16)',
  uniqueLocal: 'a private address (fc00::/7)',
  carrierGradeNat: 'a shared address (100.64/10)',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
};

/**
 * Why an IP address may not be a webhook target, or null when it may: only public unicast
 * addresses (an IPv4-mapped IPv6 address is judged as the IPv4 address it carries).
 */
export function addressProblem(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const range = ipaddr.process(address).range();
  if (range === 'unicast') return null;
  return `is ${RANGE_NAMES[range] ?? `a ${range} address`}`;
}

/**
 * Checked at start-up, without DNS: a literal address in a refused range, or a name that is
 * never public (localhost and *.localhost, the metadata service's names). Null when fine.
 */
export function webhookHostProblem(hostname: string): string | null {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (isIP(host)) {
    const problem = addressProblem(host);
    return problem ? `host ${host} ${problem}` : null;
  }
  if (NON_PUBLIC_NAMES.has(host) || host.endsWith('.localhost')) {
    return `host ${host} is not a public name`;
  }
  return null;
}

/** A connection refused because the target's name resolved to an address it may not reach. */
export class WebhookAddressRefused extends Error {
  readonly code = 'WEBHOOK_ADDRESS_REFUSED';
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).request: resolves every address of the host (dns.lookup, all) and
 * refuses the connection if any one is not public, so the address connected to is the one that
 * was checked (no second resolution a DNS rebinding could change).
 */
export function publicOnlyLookup(
  hostname: string,
  options: { all?: boolean; family?: number | string } | number,
  callback: LookupCallback,
): void {
  const family = typeof options === 'number' ? options : Number(options?.family ?? 0) || 0;
  lookup(hostname, { all: true, family }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => addressProblem(a.address) !== null);
    if (refused || addresses.length === 0) {
      const why = refused
        ? `resolves to ${refused.address}, which ${addressProblem(refused.address)}`
        : 'has no address';
      return callback(new WebhookAddressRefused(`refused: the target's host ${why}`), []);
    }
    if (typeof options === 'object' && options?.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}
