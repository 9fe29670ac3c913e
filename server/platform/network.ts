import { isIP, isIPv4, isIPv6 } from "node:net";

/** Names that Fastify's proxy trust (proxy-addr) understands as whole address ranges. */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An entry of TRUST_PROXY's address list: an IP address, a CIDR range (`10.0.0.0/8`), or a range name. */
export function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  if (rest.length > 0 || !isIP(address)) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (isIPv4(address) ? 32 : 128);
}

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) as plain IPv4. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return match?.[1] ?? address;
}

/** 127.0.0.0/8, ::1 and ::ffff:127.x: the machine itself. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = unmapped(address);
  if (isIPv4(plain)) return plain.startsWith("127.");
  return isIPv6(plain) && expandIPv6(plain).every((group, i) => group === (i === 7 ? 1 : 0));
}

/** Whether a listening address (HOST) keeps the server to this machine; `0.0.0.0`, `::` or a name do not. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  return bare === "localhost" || isLoopbackAddress(bare);
}

/**
 * The key under which a client address is counted: IPv4 as it is, an IPv6 address by its /64 network, since one
 * subscriber is usually given a whole /64 and could otherwise change address at every attempt.
 */
export function clientAddressKey(address: string): string {
  const plain = unmapped(address);
  if (!isIPv6(plain)) return plain;
  const groups = expandIPv6(plain).slice(0, 4);
  return `${groups.map((g) => g.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail counts as two). */
function expandIPv6(address: string): number[] {
  const withoutZone = address.split("%")[0] ?? address;
  const [head = "", tail] = withoutZone.split("::");
  const parse = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!group.includes(".")) return [Number.parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...Array(8 - front.length - back.length).fill(0), ...back];
}
