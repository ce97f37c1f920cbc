/**
 * Insertions the front end makes into a chunk (never a line break added or
 * removed), shared by the parser path (transform.ts) and the token paths
 * (concat-tokens.ts, arg-tokens.ts) so both produce the same bytes.
 *
 * @internal
 */

/** An insertion at `at`: openers sort outer-first, closers inner-first at the same offset. */
export interface Edit {
  at: number;
  text: string;
  order: number;
}

/** The chunk-level local that `..` operands are wrapped with. */
export const S_HEADER = 'local __rsim_s = ("").__rsim51.s;';
/** The chunk-level local that builds the implicit `arg` table. */
export const PACK_HEADER = 'local __rsim_pack = ("").__rsim51.pack;';
/** Start of a vararg function's body that names `arg` but not `...`: 5.1 leaves arg nil. */
export const ARG_NIL = " local arg;";
/** Start of a vararg function's body that names `arg`: the table of its extra arguments. */
export const ARG_PACK = " local arg = __rsim_pack(...);";

/** `src` with `edits` (sorted here, stably) inserted, after `header`. */
export function applyEdits(src: string, edits: Edit[], header: string): string {
  edits.sort((a, b) => a.at - b.at || a.order - b.order);
  // One flat string (a chain of += would leave thousands of rope nodes for the GC and the VM).
  const parts: string[] = [header];
  let pos = 0;
  for (const e of edits) {
    parts.push(src.slice(pos, e.at), e.text);
    pos = e.at;
  }
  parts.push(src.slice(pos));
  return parts.join("");
}

/** Offset after the `)` closing a parameter list whose last parameter ends at `from`. */
export function afterParen(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ")") return i + 1;
    if (c === "-" && src[i + 1] === "-") {
      const m = /^--\[(=*)\[/.exec(src.slice(i, i + 64));
      if (m) {
        const end = src.indexOf("]" + m[1]! + "]", i);
        i = end < 0 ? src.length : end + m[1]!.length + 2;
      } else {
        while (i < src.length && src[i] !== "\n" && src[i] !== "\r") i++;
      }
      continue;
    }
    i++;
  }
  return from;
}

/** What the `arg` rewrite needs to know of a vararg function. */
export interface VarargFn {
  /** Offset right after the parameter list's `)`. */
  readonly bodyAt: number;
  /** The function names `...` itself (then 5.1's `arg` is nil). */
  usesVararg: boolean;
  /** The function names `arg` as a free name (not a local or parameter). */
  argUsed: boolean;
}

/**
 * The translated chunk: `edits` (the `..` wraps, made first) plus a local
 * `arg` at the start of each vararg function in `fns` that names it, and
 * the chunk-level locals they use.
 */
export function finishChunk(src: string, edits: Edit[], usedS: boolean, fns: readonly VarargFn[]): string {
  let usedPack = false;
  for (const f of fns) {
    if (!f.argUsed) continue;
    if (f.usesVararg) edits.push({ at: f.bodyAt, text: ARG_NIL, order: 0 });
    else {
      usedPack = true;
      edits.push({ at: f.bodyAt, text: ARG_PACK, order: 0 });
    }
  }
  const header: string[] = [];
  if (usedS) header.push(S_HEADER);
  if (usedPack) header.push(PACK_HEADER);
  if (!header.length && !edits.length) return src;
  return applyEdits(src, edits, header.length ? header.join(" ") + " " : "");
}
