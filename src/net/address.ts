/** Helpers for IPv4 text addresses. */

/**
 * True for a dotted-quad IPv4 literal: four parts of 1–3 ASCII digits, each
 * 0..255 (leading zeros allowed), separated by dots. Read character by
 * character: it runs for every name resolved and every loopback check.
 */
export function isIpv4(s: string): boolean {
  let dots = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      if (++digits > 3 || value > 255) return false;
    } else if (c === 0x2e) {
      if (digits === 0 || ++dots > 3) return false;
      digits = 0;
      value = 0;
    } else return false;
  }
  return dots === 3 && digits > 0;
}

/** True for 127.0.0.0/8. */
export function isLoopback(addr: string): boolean {
  return addr.startsWith("127.") && isIpv4(addr);
}

/** The wildcard address a server bound without an address reports. */
export const ANY_ADDRESS = "0.0.0.0";
export const LOOPBACK = "127.0.0.1";

export { endpoint } from "../core/endpoint.js";
