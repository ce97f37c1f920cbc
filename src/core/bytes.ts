/**
 * Byte strings: the payload convention of renoise-sim.
 *
 * Lua strings are byte strings. To stay call-compatible with Renoise tools
 * written in TypeScript (TypeScriptToLua types Lua strings as `string`), every
 * payload in renoise-sim is a JavaScript string in which each UTF-16 code unit
 * holds exactly one byte (0–255) — a "binary string". `message.length` is
 * therefore the byte length, exactly as `#message` in Lua.
 *
 * Use {@link text} to turn human text into its UTF-8 byte string, and
 * {@link toText} to decode one back. Use {@link fromBytes} / {@link toBytes}
 * to move between byte strings and `Uint8Array`.
 */

/** A string whose code units are all in 0..255: one code unit per byte. */
export type ByteString = string;

const CHUNK = 0x8000;
const BACKSLASH = 0x5c;

/** Converts bytes to a byte string (lossless, any byte value including NUL). */
export function fromBytes(bytes: Uint8Array): ByteString {
  // Short arrays (payloads of fuzz scenarios): one call, no copy into a plain array.
  if (bytes.length <= CHUNK) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let out = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)));
  }
  return out;
}

/**
 * Converts a byte string to bytes. Throws if a code unit is above 0xFF,
 * because such a string is not a byte string (see {@link text}).
 */
export function toBytes(s: ByteString, callName = "toBytes"): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new TypeError(nonByteMessage(callName, s, i));
    out[i] = c;
  }
  return out;
}

/** A code unit outside ASCII: text with none is its own UTF-8 and the reverse. */
const NON_ASCII = /[\u0080-\uffff]/;
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8");

/** Encodes human text as UTF-8 and returns it as a byte string. */
export function text(s: string): ByteString {
  // ASCII is its own UTF-8 (most names, keys and messages): no encoding.
  return NON_ASCII.test(s) ? fromBytes(utf8Encoder.encode(s)) : s;
}

/** Decodes a byte string holding UTF-8 back to text (invalid bytes become U+FFFD). */
export function toText(b: ByteString): string {
  return NON_ASCII.test(b) ? utf8Decoder.decode(toBytes(b, "toText")) : b;
}


/** Index of the first code unit above 0xFF, or -1 if `s` is a byte string. */
export function firstNonByte(s: string): number {
  // A regular expression answers a byte string (V8 keeps it one byte per char) without reading its chars:
  // ~0.1 µs at any length, where reading them costs ~3-8 ns a char. Reading wins only for a few chars.
  if (s.length > 16) return s.search(NON_BYTE);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return i;
  return -1;
}

/** A code unit above 0xFF. */
const NON_BYTE = /[\u0100-\uffff]/;

/** True if every code unit of `s` is a byte (0..255). */
export function isByteString(s: string): boolean {
  return firstNonByte(s) === -1;
}

/** The message used when a string with non-byte characters is passed as bytes. */
export function nonByteMessage(callName: string, s: string, index: number): string {
  const code = s.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0");
  return (
    `${callName}: character U+${code} at index ${index} is not a byte; ` +
    `payloads are byte strings (one char per byte, like Lua). ` +
    `Encode text with text("...") or pass a Uint8Array.`
  );
}

/** A char {@link escapeBytes} does not keep as it is: anything but printable ASCII other than `"` and `\\`. */
const NEEDS_ESCAPE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;
/** A char that sends {@link escapeBytes} to its general path: one it writes as `\xNN`, or NUL. */
const NEEDS_HEX = /[^\t\n\r\x20-\x7e]/;
/** The chars escaped by name when nothing needs `\xNN` (`\0` does, so it is not here). */
const NAMED_ESCAPES = /[\\"\n\r\t]/g;
const NAMED: Readonly<Record<string, string>> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Renders bytes readably and reversibly: printable ASCII as is, `\\` as `\\\\`,
 * common controls as `\\n`, `\\r`, `\\t`, `\\0`, everything else as `\\xNN`.
 */
export function escapeBytes(b: ByteString, max = Infinity): string {
  const n = Math.min(b.length, max);
  const head = n < b.length ? b.slice(0, n) : b;
  if (!NEEDS_ESCAPE.test(head)) {
    // Printable ASCII throughout: the text is the bytes. Copied (through a flattened join), so that a
    // slice of a long buffer does not keep the buffer alive in the trace.
    const copy = (head + "\u0000").slice(0, -1);
    return b.length > n ? copy + "…" : copy;
  }
  if (n >= 64 && !NEEDS_HEX.test(head)) {
    // Longer text with line ends, tabs, quotes or backslashes: those replaced, the rest kept (shorter text is
    // quicker char by char).
    // A replacement with matches makes a new string, so nothing of a long buffer is kept.
    const out = head.replace(NAMED_ESCAPES, (c) => NAMED[c]!);
    return b.length > n ? out + "…" : out;
  }
  // Escaped a part at a time into reused room: one flat string, not a rope of one node per byte (traces keep
  // these strings, so that cost stays).
  const out = ESCAPED;
  let text = "";
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (k > out.length - MAX_ESCAPE) {
      text += String.fromCharCode.apply(null, out.slice(0, k));
      k = 0;
    }
    k = putEscaped(b.charCodeAt(i), out, k);
  }
  text += String.fromCharCode.apply(null, out.slice(0, k));
  return b.length > n ? text + "…" : text;
}

/**
 * {@link escapeBytes} of the bytes `a[at .. at + n)` (the whole of them: no
 * cut), read from the bytes: the same text escapeBytes makes of them as a
 * byte string, without making that string first.
 */
export function escapeByteArray(a: Uint8Array, at: number, n: number): string {
  const out = ESCAPED;
  let text = "";
  let k = 0;
  for (let i = at, end = at + n; i < end; i++) {
    if (k > out.length - MAX_ESCAPE) {
      text += String.fromCharCode.apply(null, out.slice(0, k));
      k = 0;
    }
    k = putEscaped(a[i]!, out, k);
  }
  return text + String.fromCharCode.apply(null, out.slice(0, k));
}

/**
 * Reused room for escaped text (see {@link putEscaped}), converted to a
 * string a part at a time. A plain array of small integers: `apply` reads
 * a slice of it about twice as fast as a typed array's `subarray`.
 */
const ESCAPED: number[] = Array.from({ length: 8192 }, () => 0);
/** Code units {@link putEscaped} writes for one char at most (`\x` and four hex digits). */
const MAX_ESCAPE = 6;

/**
 * Writes the escape of char code `c` into `out` from `k` and returns where it
 * ended: printable ASCII but `"` and `\` as it is, `\\`, `\"`, `\n`,
 * `\r`, `\t` and `\0` by name, any other byte as `\xNN` (a char above
 * 0xFF, never a byte, as `\x` and its hex digits). The rules of
 * {@link escapeBytes} and {@link escapeByteArray}.
 */
function putEscaped(c: number, out: number[], k: number): number {
  if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) {
    out[k] = c;
    return k + 1;
  }
  out[k++] = BACKSLASH;
  if (c === 0x5c || c === 0x22) out[k++] = c;
  else if (c === 0x0a) out[k++] = 0x6e;
  else if (c === 0x0d) out[k++] = 0x72;
  else if (c === 0x09) out[k++] = 0x74;
  else if (c === 0x00) out[k++] = 0x30;
  else if (c <= 0xff) {
    out[k++] = 0x78;
    out[k++] = HEX_DIGITS.charCodeAt(c >> 4);
    out[k++] = HEX_DIGITS.charCodeAt(c & 15);
  } else {
    out[k++] = 0x78;
    const hex = c.toString(16);
    for (let d = 0; d < hex.length; d++) out[k++] = hex.charCodeAt(d);
  }
  return k;
}

/** Lower-case hex digits, as `Number#toString(16)` writes them. */
const HEX_DIGITS = "0123456789abcdef";

/** The string of UTF-16 code units `codes`, converted in chunks (one call for short ones). */
function codesToString(codes: number[]): string {
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes);
  let out = "";
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode.apply(null, codes.slice(i, i + CHUNK));
  return out;
}

/** Value of one hex digit's char code, or -1. */
function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Inverse of {@link escapeBytes} (without truncation). */
export function unescapeBytes(s: string): ByteString {
  // Nothing escaped (printable text): the string itself.
  if (s.indexOf("\\") < 0) return s;
  // Char codes converted at the end: one flat string, not a rope of one node per byte.
  const codes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== BACKSLASH) {
      codes.push(c);
      continue;
    }
    const next = s[++i];
    if (next === "n") codes.push(0x0a);
    else if (next === "r") codes.push(0x0d);
    else if (next === "t") codes.push(0x09);
    else if (next === "0") codes.push(0x00);
    else if (next === "x") {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      // Two hex digits (what escapeBytes writes); anything else as parseInt reads it.
      codes.push(hi >= 0 && lo >= 0 ? hi * 16 + lo : String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16)).charCodeAt(0));
      i += 2;
    } else if (next !== undefined) codes.push(next.charCodeAt(0));
  }
  return codesToString(codes);
}
