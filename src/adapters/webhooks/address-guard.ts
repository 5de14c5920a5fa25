/**
 * Where a webhook may go (issue 8, finding 1: server-side request forgery).
 * A dealer names a URL; Stateline must not be made to call its own machine,
 * the state's internal network or a cloud metadata service. So:
 *
 * - https only (plain http and loopback only with the tests' switch);
 * - no user name or password in the URL;
 * - the name is resolved and EVERY address it resolves to must be public:
 *   loopback, private (RFC 1918), carrier-grade NAT, link-local (incl.
 *   169.254.169.254), unique-local (fc00::/7), multicast, unspecified,
 *   documentation and reserved ranges, IPv4-mapped/NAT64 forms of those, and
 *   metadata names are refused;
 * - checked at registration and again at each delivery (DNS can change), and
 *   the connection itself uses a lookup that re-checks the address it connects
 *   to (no rebinding between check and connect); no redirects are followed.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

export interface GuardOptions {
  allowLoopback: boolean;
}

const METADATA_NAMES = new Set([
  "metadata.google.internal",
  "metadata",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
]);

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
  ["2001::", 23],
  ["2002::", 16],
] as const)
  blocked.addSubnet(net, bits, "ipv6");

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 (64:ff9b::/96) IPv6 address. */
function embeddedV4(ip: string): string | undefined {
  const m = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (m) return m[1];
  const h = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (h) {
    const a = parseInt(h[1]!, 16),
      b = parseInt(h[2]!, 16);
    return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  return undefined;
}

/** Why this address may not receive a webhook, or undefined when it may. */
export function refusedAddress(ip: string, opts: GuardOptions): string | undefined {
  const family = isIP(ip);
  if (family === 0) return "not an IP address";
  const v4 = family === 6 ? embeddedV4(ip) : ip;
  const type = v4 ? "ipv4" : "ipv6";
  const addr = v4 ?? ip;
  if (opts.allowLoopback && loopback.check(addr, type)) return undefined;
  if (blocked.check(addr, type)) return `${ip} is a loopback, private, link-local, unique-local or reserved address`;
  return undefined;
}

export type AddressLookup = (host: string) => Promise<string[]>;

export const systemLookup: AddressLookup = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addrs: LookupAddress[]) =>
      err ? reject(err) : resolve(addrs.map((a) => a.address)),
    ),
  );

export type UrlVerdict =
  { ok: true; url: URL; addresses: string[] } | { ok: false; reason: string; unresolved?: boolean };

/**
 * Checks a webhook URL: its form, then every address its host resolves to.
 * A name that does not resolve is reported with `unresolved` (a registration
 * may accept it, since nothing can be reached through it; each delivery checks again).
 */
export async function checkWebhookUrl(
  raw: string,
  opts: GuardOptions & { lookup?: AddressLookup },
): Promise<UrlVerdict> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a URL" };
  }
  if (url.username || url.password) return { ok: false, reason: "must not carry a user name or password" };
  const host = url.hostname
    .replace(/^\[|\]$/g, "")
    .toLowerCase()
    .replace(/\.$/, "");
  const literal = isIP(host) !== 0;
  const isLoopbackName = host === "localhost" || host.endsWith(".localhost");
  if (url.protocol !== "https:") {
    const loopbackTarget =
      opts.allowLoopback &&
      (isLoopbackName ||
        (literal &&
          refusedAddress(host, { allowLoopback: false }) !== undefined &&
          refusedAddress(host, opts) === undefined));
    if (!(url.protocol === "http:" && loopbackTarget)) return { ok: false, reason: "must be https://" };
  }
  if (METADATA_NAMES.has(host) || host.endsWith(".internal"))
    return { ok: false, reason: `${host} is a metadata or internal name` };
  let addresses: string[];
  if (literal) addresses = [host];
  else {
    try {
      addresses = await (opts.lookup ?? systemLookup)(host);
    } catch {
      return { ok: false, reason: `${host} does not resolve`, unresolved: true };
    }
    if (!addresses.length) return { ok: false, reason: `${host} does not resolve`, unresolved: true };
  }
  for (const a of addresses) {
    const why = refusedAddress(a, opts);
    if (why) return { ok: false, reason: literal ? why : `${host} resolves to ${why}` };
  }
  return { ok: true, url, addresses };
}

/**
 * A `lookup` for node:http(s) that refuses forbidden addresses at connect time,
 * so a name that changes its answer between the check and the connection
 * (DNS rebinding) still cannot reach an internal address.
 */
export function guardedLookup(opts: GuardOptions) {
  return (
    hostname: string,
    options: object,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (err, addrs: LookupAddress[]) => {
      if (err) return callback(err, "", 4);
      for (const a of addrs) {
        const why = refusedAddress(a.address, opts);
        if (why)
          return callback(
            Object.assign(new Error(`refused: ${hostname} resolves to ${why}`), { code: "EADDRREFUSED" }),
            "",
            4,
          );
      }
      if ((options as { all?: boolean }).all) return callback(null, addrs);
      const first = addrs[0];
      if (!first)
        return callback(Object.assign(new Error(`${hostname} does not resolve`), { code: "ENOTFOUND" }), "", 4);
      callback(null, first.address, first.family);
    });
  };
}
