/**
 * The Lua 5.1 front end: every chunk the VM loads (tool files, `require`,
 * `dofile`, `loadfile`, `loadstring`/`load`, test scripts) passes through
 * {@link translate51} first, so the 5.4 VM reads it the way Lua 5.1 (as
 * Renoise runs it) would. Lines never move: errors and tracebacks name the
 * tool's own file and line.
 *
 * Translations are cached by content (a fresh VM per fuzz scenario loading
 * the same tool pays once per process): files at any size, other chunks
 * from 1 KiB on.
 *
 * @internal
 */
import { chunkId } from "./chunkid.js";
import { varargFunctions } from "./arg-tokens.js";
import { concatEdits, wrapConcatOperands } from "./concat-tokens.js";
import type { EditedChunk} from "./edits.js";
import { finishEdited } from "./edits.js";
import { lex51 } from "./lex51.js";
import { transform51 } from "./transform.js";

export { chunkId } from "./chunkid.js";

/** Which Lua the VM reads: Renoise's 5.1 (default) or plain 5.4. */
export type LuaDialect = "5.1" | "5.4";

/**
 * A translated chunk, or why it was refused. `fallback` (when present) is
 * source the VM should compile to get Lua's own message for a genuine
 * syntax error; if the VM accepts it, the front end's message stands.
 * `prefix` (a lexical refusal: 5.2+ syntax, a bad escape, an unfinished
 * string) is the chunk before the refused token: Lua 5.1 meets a syntax
 * error there first, so the VM compiles it and a message of its that is not
 * about its cut end (`near <eof>`) wins.
 */
export type Translation =
  | { readonly ok: true; readonly source: string; readonly edited?: EditedChunk }
  | { readonly ok: false; readonly line: number; readonly message: string; readonly fallback?: string; readonly prefix?: string };

/**
 * Translations by source (the same string object each time a file comes
 * from the file cache, so its hash is computed once), in four slots: as a
 * file / as a string, `..` operands wrapped / not (see {@link translate51}).
 */
const cache = new Map<string, (Translation | undefined)[]>();
let cachedChars = 0;
const CACHE_MIN = 1024;
const CACHE_MAX_CHARS = 64 * 1024 * 1024;

/** Translations served from the cache / computed, since process start (for benches and specs). */
export const frontEndStats = { hits: 0, misses: 0 };

/**
 * Translates a Lua 5.1 chunk (byte string) into source the 5.4 VM reads
 * the same way. `file` chunks skip a first line starting with `#`.
 * `wrapConcat`: the operands of `..` are wrapped so numbers become 5.1's
 * text (needed only when Lua code must make that text: see
 * `numberText51InLua` in wasm.ts).
 */
export function translate51(source: string, file: boolean, wrapConcat = true): Translation {
  // Files (the tool's own, loaded again by every VM) at any size; strings made at run time only if large.
  const cacheable = file || source.length >= CACHE_MIN;
  const slot = (file ? 0 : 1) + (wrapConcat ? 0 : 2);
  if (cacheable) {
    const hit = cache.get(source)?.[slot];
    if (hit) {
      frontEndStats.hits++;
      return hit;
    }
  }
  frontEndStats.misses++;
  const t = compute(source, file, wrapConcat);
  if (cacheable) {
    let entry = cache.get(source);
    if (entry === undefined) {
      cache.set(source, (entry = [undefined, undefined, undefined, undefined]));
      cachedChars += source.length;
    }
    entry[slot] = t;
    for (const k of cache.keys()) {
      if (cachedChars <= CACHE_MAX_CHARS) break;
      cache.delete(k);
      cachedChars -= k.length;
    }
  }
  return t;
}

/** Empties the translation cache (benches measure cold loads with it). */
export function clearFrontEndCache(): void {
  cache.clear();
  cachedChars = 0;
}

function compute(source: string, file: boolean, wrapConcat: boolean): Translation {
  // Tokens are stored for the `..` wraps only; in a chunk with the letters "arg" the lexer follows the
  // nesting that settles the `arg` rewrite as it goes (see lex51).
  let lexed = lex51(source, file, wrapConcat, source.includes("arg"));
  if (!lexed.ok) return lexed;
  const hasConcat = lexed.hasConcat && wrapConcat;
  if (!hasConcat && !lexed.hasArg) return { ok: true, source: lexed.source };
  if (!lexed.hasArg) {
    // Fast path: `..` operands found on the tokens (no syntax tree needed).
    const fast = wrapConcatOperands(lexed.source, lexed.tokens!);
    if (fast !== undefined) return { ok: true, source: fast };
  } else {
    // Fast paths: the vararg functions naming `arg` as the lexer's nesting settled them or, when the
    // chunk declares something named `arg`, found by a recursive descent on the tokens; `..` as above.
    let fns = lexed.varargFns;
    if (fns === undefined) {
      if (lexed.tokens === undefined) {
        const again = lex51(source, file, true);
        if (!again.ok) return again;
        lexed = again;
      }
      fns = varargFunctions(lexed.tokens!);
    }
    const edits = fns && (hasConcat ? concatEdits(lexed.tokens!) : []);
    if (fns && edits) {
      const r = finishEdited(lexed.source, edits, edits.length > 0, fns);
      return typeof r === "string" ? { ok: true, source: r } : new Edited(r);
    }
  }
  const t = transform51(lexed.source, hasConcat, lexed.hasArg);
  if (t.ok) return t;
  return { ...t, fallback: lexed.source };
}

/**
 * A translation kept as its pieces: `source` makes the text (once) for a
 * reader that needs the string; the VM's `run` writes `edited` into its
 * memory instead (see {@link EditedChunk}).
 */
class Edited {
  readonly ok = true as const;
  constructor(readonly edited: EditedChunk) {}
  get source(): string {
    return this.edited.text();
  }
  /** As a plain translation reads: `{ ok, source }`. */
  toJSON(): { ok: true; source: string } {
    return { ok: true, source: this.source };
  }
}

/** `chunk:line: message`, as Lua formats a syntax error. */
export function syntaxMessage(chunkname: string, line: number, message: string): string {
  return `${chunkId(chunkname)}:${line}: ${message}`;
}
