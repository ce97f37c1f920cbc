/**
 * Value ⇄ string forms of pattern cells, with Renoise's ranges, as the
 * pattern editor shows them. Pure functions: the model objects call them.
 *
 * Numbers from Lua may be fractional (`48 + math.random() * 48`): Renoise
 * truncates them to integers before checking the range, and so does this.
 */
import { PatternValueError } from "./pattern-errors.js";

/** Renoise's special cell values (`renoise.PatternLine.*`). */
export const EMPTY_NOTE = 121;
export const NOTE_OFF = 120;
export const EMPTY_INSTRUMENT = 255;
export const EMPTY_VOLUME = 255;
export const EMPTY_PANNING = 255;
export const EMPTY_DELAY = 0;
export const EMPTY_EFFECT_NUMBER = 0;
export const EMPTY_EFFECT_AMOUNT = 0;

const NOTE_NAMES = ["C-", "C#", "D-", "D#", "E-", "F-", "F#", "G-", "G#", "A-", "A#", "B-"] as const;
const NOTE_INDEX: Record<string, number> = Object.fromEntries(NOTE_NAMES.map((n, i) => [n, i]));
/** Effect characters: 0-9 then A-Z (index 0..35). */
const EFFECT_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const HEX = "0123456789ABCDEF";

function hex2(v: number): string {
  return HEX[v >> 4]! + HEX[v & 15]!;
}

/** Converts a number assigned to a `*_value` property to an integer or raises. */
export function toCellInteger(v: unknown, what: string): number {
  if (typeof v !== "number" || Number.isNaN(v)) {
    throw new PatternValueError(`${what}: expected a number, got ${describe(v)}`);
  }
  return Math.trunc(v);
}

function describe(v: unknown): string {
  if (v === undefined || v === null) return "nil";
  if (typeof v === "string") return `the string "${v}"`;
  return typeof v;
}

function needString(v: unknown, what: string): string {
  if (typeof v !== "string") throw new PatternValueError(`${what}: expected a string, got ${describe(v)}`);
  return v;
}

function range(v: number, lo: number, hi: number, what: string, extra = ""): number {
  if (v < lo || v > hi) {
    throw new PatternValueError(`${what}: value ${v} is out of range (${lo}-${hi}${extra})`);
  }
  return v;
}

// --- note -----------------------------------------------------------------

/** `note_value`: 0-119, 120 = OFF, 121 = empty. */
export function checkNote(v: unknown, what = "note_value"): number {
  return range(toCellInteger(v, what), 0, 121, what, ", 120 = OFF, 121 = empty");
}

/** "C-4", "OFF" or "---". */
export function noteToString(v: number): string {
  if (v === EMPTY_NOTE) return "---";
  if (v === NOTE_OFF) return "OFF";
  return NOTE_NAMES[v % 12]! + String(Math.floor(v / 12));
}

/** Parses "C-4", "c#4", "OFF", "---" (or "" for empty). */
export function noteFromString(s: unknown, what = "note_string"): number {
  const t = needString(s, what).toUpperCase();
  if (t === "---" || t === "") return EMPTY_NOTE;
  if (t === "OFF") return NOTE_OFF;
  const n = t.length === 3 ? NOTE_INDEX[t.slice(0, 2)] : undefined;
  const octave = t.charCodeAt(2) - 48;
  if (n === undefined || octave < 0 || octave > 9 || n + octave * 12 > 119) {
    throw new PatternValueError(`${what}: invalid note string "${String(s)}" (expected "C-0" to "G-9", "OFF" or "---")`);
  }
  return n + octave * 12;
}

// --- instrument -------------------------------------------------------------

/** `instrument_value`: 0-254, 255 = empty. */
export function checkInstrument(v: unknown, what = "instrument_value"): number {
  return range(toCellInteger(v, what), 0, 255, what, ", 255 = empty");
}

export function byteOrEmptyToString(v: number, empty: number): string {
  return v === empty ? ".." : hex2(v);
}

function parseHexByte(s: unknown, what: string, max: number): number | undefined {
  const t = needString(s, what);
  if (t === ".." || t === "") return undefined;
  if (!/^[0-9A-Fa-f]{2}$/.test(t)) {
    throw new PatternValueError(`${what}: invalid string "${t}" (expected two hex digits or "..")`);
  }
  const v = parseInt(t, 16);
  if (v > max) throw new PatternValueError(`${what}: "${t}" is out of range (00-${hex2(max)})`);
  return v;
}

/** Parses "00".."FE", ".." or "" (empty). */
export function instrumentFromString(s: unknown, what = "instrument_string"): number {
  return parseHexByte(s, what, 254) ?? EMPTY_INSTRUMENT;
}

// --- volume and panning -------------------------------------------------------

/**
 * `volume_value` / `panning_value`: 0-0x80 literally, 255 = empty, or a
 * column effect `(c << 8) | d` with an effect character c (1-35, "1"-"Z") and
 * a hex digit d (0-F), e.g. "ZE" = 35 * 256 + 14.
 */
export function checkVolPan(v: unknown, what: string): number {
  const n = toCellInteger(v, what);
  if ((n >= 0 && n <= 0x80) || n === 255) return n;
  const c = n >> 8;
  const d = n & 0xff;
  if (c >= 1 && c <= 35 && d <= 15) return n;
  throw new PatternValueError(
    `${what}: value ${n} is out of range (0-128, 255 = empty, or an effect (char << 8) + digit up to "ZF")`,
  );
}

export function volPanToString(v: number): string {
  if (v === 255) return "..";
  if (v <= 0x80) return hex2(v);
  return EFFECT_CHARS[v >> 8]! + HEX[v & 15]!;
}

/** Parses "00".."80", ".." / "" (empty) or an effect "G0".."ZF" (uppercase). */
export function volPanFromString(s: unknown, what: string): number {
  const t = needString(s, what);
  if (t === ".." || t === "") return 255;
  if (/^[0-9A-Fa-f]{2}$/.test(t)) {
    const v = parseInt(t, 16);
    if (v <= 0x80) return v;
  }
  if (t.length === 2) {
    const c = EFFECT_CHARS.indexOf(t[0]!);
    const d = HEX.indexOf(t[1]!);
    if (c >= 1 && d >= 0) return (c << 8) | d;
  }
  throw new PatternValueError(`${what}: invalid string "${t}" (expected "00"-"80", an effect "G0"-"ZF" or "..")`);
}

// --- delay ------------------------------------------------------------------

/** `delay_value`: 0-255 (0 is empty). */
export function checkByte(v: unknown, what: string): number {
  return range(toCellInteger(v, what), 0, 255, what);
}

/** Delay: 0 shows as "..". */
export function delayToString(v: number): string {
  return v === 0 ? ".." : hex2(v);
}

/** Parses "00".."FF" (case-insensitive), ".." or "". */
export function byteFromString(s: unknown, what: string): number {
  return parseHexByte(s, what, 255) ?? 0;
}

// --- effect number and amount -------------------------------------------------

/** Effect number `(a << 8) | b`, both effect characters 0-35 ("0"-"Z"). */
export function checkEffectNumber(v: unknown, what: string): number {
  const n = toCellInteger(v, what);
  if (n >= 0 && n >> 8 <= 35 && (n & 0xff) <= 35) return n;
  throw new PatternValueError(`${what}: value ${n} is not an effect number (0-35 * 256 + 0-35, "00"-"ZZ")`);
}

export function effectNumberToString(v: number): string {
  return EFFECT_CHARS[v >> 8]! + EFFECT_CHARS[v & 0xff]!;
}

/** Parses "00".."ZZ" (uppercase), ".." or "" (empty). */
export function effectNumberFromString(s: unknown, what: string): number {
  const t = needString(s, what);
  if (t === ".." || t === "") return 0;
  const a = t.length === 2 ? EFFECT_CHARS.indexOf(t[0]!) : -1;
  const b = t.length === 2 ? EFFECT_CHARS.indexOf(t[1]!) : -1;
  if (a < 0 || b < 0) {
    throw new PatternValueError(`${what}: invalid string "${t}" (expected two of 0-9 A-Z, or "..")`);
  }
  return (a << 8) | b;
}

/** Effect amount 0-255 as two hex digits. */
export function amountToString(v: number): string {
  return hex2(v);
}
