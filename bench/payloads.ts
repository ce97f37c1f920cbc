/**
 * Payloads the Lua delivery benches send (`lua-callbacks.ts`,
 * `delivery-pairs.ts`); no import of `src/`, so a script comparing two
 * checkouts loads only theirs.
 */

/** A payload of `n` bytes covering every byte value. */
export function payload(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(i & 0xff);
  return s;
}

/** `count` different payloads of `n` bytes (n ≥ 4): the first four bytes count, the rest as {@link payload}. */
export function distinctPayloads(n: number, count: number): string[] {
  const rest = payload(n).slice(4);
  return Array.from({ length: count }, (_, i) => String.fromCharCode(i & 0xff, (i >> 8) & 0xff, (i >> 16) & 0xff, 0) + rest);
}
