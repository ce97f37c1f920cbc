/** Helpers for IPv4 text addresses. */

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True for a dotted-quad IPv4 literal with every part in 0..255. */
export function isIpv4(s: string): boolean {
  const m = IPV4.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255);
}

/** True for 127.0.0.0/8. */
export function isLoopback(addr: string): boolean {
  return addr.startsWith("127.") && isIpv4(addr);
}

/** The wildcard address a server bound without an address reports. */
export const ANY_ADDRESS = "0.0.0.0";
export const LOOPBACK = "127.0.0.1";

export { endpoint } from "../core/endpoint.js";
