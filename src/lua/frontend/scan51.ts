/**
 * The character loop of the 5.1 lexer, run in wasm (`scan51.wat`, its
 * source): a first load's lexing without tokens (every chunk a VM loads
 * when C Lua writes 5.1's number text) reads each character in wasm (for
 * the bench's 5,000-line tool, lex51 then takes ~0.6 of the time it takes
 * with the loop in JavaScript, `bench/parts.ts`; a fresh process's first
 * translation, before V8 has optimised the JavaScript lexer, ~0.4 to 0.6,
 * `bench/cold.ts`), and
 * hands lex51.ts only the events it acts on: the nesting the `arg` rewrite
 * follows, each `arg` and `...`, each short string to re-encode. On
 * anything the lexer refuses or reports, the scan gives up and lex51.ts
 * reads the chunk itself, so every message stays the JavaScript lexer's.
 *
 * One instance per process, made on first use; its memory grows to the
 * largest chunk scanned (two bytes a character and twelve an event, room
 * for as many events as characters) and
 * chunks above {@link SCAN_MAX_CHARS} are left to JavaScript.
 *
 * @internal
 */
import { fromBase64, wasmCtors } from "../wasm-module.js";
import * as K from "./tokens.js";

/** scan51.wat assembled by wabt's wat2wasm (2125 bytes), as base64. */
const MODULE_BASE64 =
  "AGFzbQEAAAABGwRgBH9/f38Bf2ABfwF/YAN/f38Bf2ACf38BfwMHBgABAQIBAwUDAQACBxECBm1lbW9yeQIABHNjYW4AAAqEEAabDAISfwR+QYDABCAAQQF0aiEEQYDABCABQQF0aiEFIAIhDwJAA0AgBCAFTwRAQZCpBCAVNgIAIA4PCyAELwEAIQcgBCEGQQAhDEHBACEJAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQCAHQYABSQR/IActAICABAVBEwsOEwABAgMEBQYHCAkVCgsMDQ4PEBESCyAEQQJqIQQMEwsDQCAEQQJqIQQgBC8BAEEgRg0ACwwSCyAELwECQS1HBEAgBEECaiEEQSkhCQwRCyAEQQRqIQQgBC8BAEHbAEYEQCAEEAIhFCAUQQBOBEAgBCAFIBQQAyEEIARFDRQMEwsLAkADQCAEIAVPDQEgBC8BACEIIAhBCkYgCEENRnINASAEQQJqIQQMAAsLDBELA0AgBEECaiEEIAQvAQAtAAANAAsgBCAGa0EBdiEQQQEhCSAQQQlJBEAgB0EEdCAQckEBdC8BgIIEIRIgEgRAIBBBBHQpA4CoBCEWIBBBBHQpA4ioBCEXIAYpAwAgFoMhGCAGKQMIIBeDIRkgEkH/AXFBBHQhEyAYIBMpA4CiBFEgGSATKQOIogRRcQRAIBJB/wFxIQkFIBJBCHZBBHQhEyASQf8BSyAYIBMpA4CiBFFxIBkgEykDiKIEUXEEQCASQQh2IQkLCwsLIAlBAUYEQCAQQQNGIAdB4QBGcSAGLwECQfIARiAGLwEEQecARnFxBEAgCkHAAEcgCkE9R3EEQCAOIANPDRQgD0ECIApBCHQgC0EBRiALQQVGckEQdHJyNgIAIA8gBBABNgIEIA9BDGohDyAOQQFqIQ4LCyALQQFGBEBBAiEMCyALQQVGBEBBBiEMCwwQCyAJQRZGBEBBASEMBSAJQRFGBEBBBSEMBSAJQRJHIAtBAUZxBEBBAiEMCwsLIAktAICmBARAIA4gA08NEiAPQQEgCUEIdCAKQRB0cnI2AgAgD0EMaiEPIA5BAWohDiAJQRJGIA1FcQRAQQEhDQsLDA8LIAQQBCEEQQIhCQwOC0EDIQkgBEECaiETA0AgEyAFTw0QIBMvAQAhCCAIIAdGBEAgE0ECaiEEDA8LIAhBCkYgCEENRnINECAIQdwARgRAIAYgBRAFIRMgE0UNESAOIANPDREgD0EHNgIAIA8gBhABNgIEIA8gExABNgIIIA9BDGohDyAOQQFqIQ4gEyEEDA8LIBNBAmohEwwACwALIAQQAiEUIBRBAE4EQCAEIAUgFBADIQQgBEUND0EDIQkMDQsgBEECaiEEQTohCQwMCyAELwECIQggCEEuRgRAIAQvAQRBLkYEQCAEQQZqIQRBBSEJIA4gA08NDyAPQQM2AgAgD0EMaiEPIA5BAWohDgwNCyAEQQRqIQRBBCEJQQEhFQwMCyAIQTBPIAhBOU1xBEAgBBAEIQRBAiEJDAwLIARBAmohBEHAACEJDAsLIAtBAkYEQEEBIQwLIAtBBkYEQEEFIQwLIARBAmohBEE/IQkMCgsgBC8BAkEvRg0LIARBAmohBEErIQkMCQsgBC8BAkE9Rw0KIARBBGohBEEwIQkMCAsgC0ECRg0JIAQvAQIhCCAIQTxGDQkgCEE9RgRAIARBBGohBEExIQkFIARBAmohBEEzIQkLDAcLIAQvAQIhCCAIQT5GDQggCEE9RgRAIARBBGohBEEyIQkFIARBAmohBEE0IQkLDAYLIAQvAQJBPUYEQCAEQQRqIQRBLyEJBSAEQQJqIQRBNSEJCwwFCyAELwECQTpGBEAgBEEEaiEEQT4hCQUgBEECaiEEQT0hCQsMBAsgBEECaiEEQTchCSANBEAgDiADTw0GIA9BBDYCACAPIAQQATYCBCAPQQxqIQ8gDkEBaiEOQQAhDQsMAwsgBEECaiEEQTghCSAOIANPDQQgD0EFNgIAIA9BDGohDyAOQQFqIQ4MAgsgBEECaiEEQTkhCSAOIANPDQMgD0EGNgIAIA9BDGohDyAOQQFqIQ4MAQsgB0GAAUkEQCAHLQCAgQQhCQsgBEECaiEECyAMIQsgCSEKIAQvAQBBIEYEQCAEQQJqIQQLDAALC0F/CwwAIABBgMAEa0EBdgtAAQF/IABBAmohAQJAA0AgAS8BAEE9Rw0BIAFBAmohAQwACwsgAS8BACAALwEARgR/IAEgAGtBAXZBAWsFQX8LC0oAIAAgAkECakEBdGohAANAIAAgAU8EQEEADwsgAC8BAEHdAEYEQCAAEAIgAkYEQCAAIAJBAmpBAXRqDwsLIABBAmohAAwAC0EAC3wBA38gACEBQeUAIQMgAS8BAEEwRiABLwECQSByQfgARnEEQEHwACEDCyAAQQJqIQADQCAALwEAIQIgAi0AACACQS5GcgRAIABBAmohAAwBCyACQStGIAJBLUZyBEAgAEECay8BAEEgciADRgRAIABBAmohAAwCCwsLIAALzgEBBH8gAC8BACECIABBAmohAwNAIAMgAU8EQEEADwsgAy8BACEEIAQgAkYEQCADQQJqDwsgBEEKRiAEQQ1GcgRAQQAPCyAEQdwARwRAIANBAmohAwwBCyADQQJqIQMgAyABTwRAQQAPCyADLwEAIQUgBUH6AEYEQEEADwsgBUH1AEYgAy8BAkH7AEZxBEBBAA8LIANBAmohAyAFQQpGIAVBDUZyBEAgAy8BACEEIARBCkYgBEENRnIgBCAFR3EEQCADQQJqIQMLCwwAC0EACw==";

/** scan51.wat's module, its bytes. */
export const SCAN51_MODULE: Uint8Array = fromBase64(MODULE_BASE64);

/** The SHA-256 of the scan51.wat these bytes were assembled from (`npm run wasm:embed` writes both). */
const SOURCE_SHA256 = "fb095a4f8084dd99403b282474e9bb86deeb1a05bf226c4368d445a6e655c4ed";
export const SCAN51_SOURCE_SHA256: string = SOURCE_SHA256;

/** The module's memory layout: where each table starts (scan51.wat's header lists the same, and its code uses these numbers). */
export const SCAN51_LAYOUT = {
  NAMECH: 0,
  CLASS: 65536,
  TOK: 65664,
  KWT: 65792,
  KWTEXT: 69888,
  NESTKW: 70400,
  MASKS: 70656,
  FLAGS: 70800,
  TEXT: 73728,
} as const;
const { NAMECH, CLASS, TOK, KWT, KWTEXT, NESTKW, MASKS, FLAGS, TEXT } = SCAN51_LAYOUT;
const PAGE = 65536;

/** Chunks longer than this many characters are lexed in JavaScript (the memory, 14 bytes a character at most, is never given back). */
export const SCAN_MAX_CHARS = 1024 * 1024;

/** Event kinds (the low byte of an event's first word). */
export const EV_KEYWORD = 1;
export const EV_ARG = 2;
export const EV_VARARG = 3;
export const EV_RPAREN = 4;
export const EV_LBRACE = 5;
export const EV_RBRACE = 6;
export const EV_ESCAPED = 7;

/** What a scan found: `count` events of three words in `events`, the chunk's code units (then four 0s) in `codes`. */
export interface Scanned {
  readonly count: number;
  readonly events: Int32Array;
  readonly codes: Uint16Array;
  readonly hasConcat: boolean;
}

interface Scanner {
  readonly memory: { buffer: ArrayBuffer; grow(pages: number): number };
  readonly scan: (from: number, n: number, evAt: number, evCap: number) => number;
}

let scanner: Scanner | null | undefined;
let enabled = true;
/** A Buffer over the module's memory (made again when the memory grows) and its `..` flag. */
let writer: Buffer | undefined;
let flags: Int32Array = new Int32Array(0);

/**
 * Node's Buffer when present and the host is little-endian: what writes a
 * chunk's code units ("utf16le") where a Uint16Array (lex51.ts) or the
 * module reads them.
 */
export const NodeBuffer: typeof Buffer | undefined =
  typeof Buffer === "function" && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? Buffer : undefined;

/** Turns the wasm scan on or off (specs compare both lexers; benches time both); returns what it was. */
export function setScan51(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/** The scanner, made and its tables filled on first use; null where it cannot be made. */
function theScanner(): Scanner | null {
  if (scanner !== undefined) return scanner;
  scanner = null;
  const Wasm = wasmCtors();
  if (Wasm === undefined || NodeBuffer === undefined) return null;
  try {
    const s = new Wasm.Instance(new Wasm.Module(SCAN51_MODULE), {}).exports as Scanner;
    fillTables(new Uint8Array(s.memory.buffer));
    scanner = s;
  } catch {
    scanner = null;
  }
  return scanner;
}

/** Fills the tables the module reads (its header lists them) from tokens.ts's codes. */
function fillTables(m: Uint8Array): void {
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z0-9_]/.test(ch)) m[NAMECH + c] = 1;
    m[CLASS + c] = 19; // a one-char token
    m[TOK + c] = K.OTHER;
  }
  const classes: [string, number][] = [
    [" \t\v\f", 0], ["\n\r", 1], ["-", 2], ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_", 3], ["0123456789", 4],
    ["\"'", 5], ["[", 6], [".", 7], [",", 8], ["/", 9], ["&|", 10], ["~", 11], ["<", 12], [">", 13], ["=", 14], [":", 15],
    [")", 16], ["{", 17], ["}", 18],
  ];
  for (const [chars, k] of classes) for (const ch of chars) m[CLASS + ch.charCodeAt(0)] = k;
  const single: [string, number][] = [["(", K.LPAREN], ["]", K.RBRACKET], ["+", K.PLUS], ["*", K.STAR], ["%", K.PERCENT], ["^", K.CARET], ["#", K.HASH], [";", K.SEMI]];
  for (const [ch, k] of single) m[TOK + ch.charCodeAt(0)] = k;
  for (const [word, k] of Object.entries(K.KEYWORD_CODES)) {
    const at = KWT + (((word.charCodeAt(0) << 4) | word.length) << 1);
    if (m[at] === 0) m[at] = k;
    else m[at + 1] = k;
    for (let j = 0; j < word.length; j++) m[KWTEXT + k * 16 + 2 * j] = word.charCodeAt(j);
  }
  for (const k of [K.FUNCTION, K.DO, K.IF, K.REPEAT, K.END, K.UNTIL]) m[NESTKW + k] = 1;
  for (let len = 1; len <= 8; len++) m.fill(0xff, MASKS + len * 16, MASKS + len * 16 + 2 * len);
}

/**
 * Scans `src` from char `from` in wasm: its events, or undefined when the
 * JavaScript lexer must read it (the scan is off or cannot be made, the
 * chunk is too long, or the scan gave up: see the module's header). The
 * views are valid until the next scan.
 */
export function scan51(src: string, from: number): Scanned | undefined {
  if (!enabled) return undefined;
  const n = src.length;
  if (n > SCAN_MAX_CHARS) return undefined;
  const s = theScanner();
  if (s === null) return undefined;
  const evAt = (TEXT + 2 * (n + 4) + 7) & ~7;
  // Room for an event per character (no chunk has more): the scan gives up for none, a data table included.
  const evCap = n + 256;
  const need = evAt + evCap * 12;
  if (s.memory.buffer.byteLength < need) s.memory.grow(Math.ceil((need - s.memory.buffer.byteLength) / PAGE));
  if (writer?.buffer !== s.memory.buffer) {
    writer = NodeBuffer!.from(s.memory.buffer);
    flags = new Int32Array(s.memory.buffer, FLAGS, 1);
  }
  if (n > 0) writer.write(src, TEXT, "utf16le");
  writer.fill(0, TEXT + 2 * n, TEXT + 2 * n + 8);
  const count = s.scan(from, n, evAt, evCap);
  if (count < 0) return undefined;
  return {
    count,
    events: new Int32Array(s.memory.buffer, evAt, count * 3),
    codes: new Uint16Array(s.memory.buffer, TEXT, n + 4),
    hasConcat: flags[0] === 1,
  };
}
