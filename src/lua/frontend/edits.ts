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
  if (!sortEdits(edits)) edits.sort(compareEdits);
  return build(src, edits, NO_EDITS, header);
}

const NO_EDITS: Edit[] = [];

/** Edit `a` goes before `b`: by offset, then by order. */
function before(a: Edit, b: Edit): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}

function compareEdits(a: Edit, b: Edit): number {
  return a.at - b.at || a.order - b.order;
}

/**
 * Sorts `edits` by offset, then order, stably (the order Array.prototype.sort with
 * {@link compareEdits} gives). The token paths make them nearly in order
 * (an operand's wrap comes after the wraps inside it): insertion, in about
 * one comparison an edit; a list far from sorted goes to Array's sort.
 * False (nothing moved) when an offset is missing: the caller sorts.
 */
function sortEdits(edits: Edit[]): boolean {
  const n = edits.length;
  // An offset past the tokens (a token path reading beyond a broken chunk's end) compares as NaN: Array's sort decides.
  for (let i = 0; i < n; i++) if (edits[i]!.at === undefined) return false;
  let budget = 8 * n + 64; // element moves allowed before handing over
  for (let i = 1; i < n; i++) {
    const e = edits[i]!;
    let j = i - 1;
    if (!before(e, edits[j]!)) continue;
    do {
      edits[j + 1] = edits[j]!;
      j--;
      budget--;
    } while (j >= 0 && before(e, edits[j]!));
    edits[j + 1] = e;
    // (the first i + 1 are sorted stably, the rest untouched: Array's stable sort ends where a full one would)
    if (budget < 0) {
      edits.sort(compareEdits);
      return true;
    }
  }
  return true;
}

/**
 * `src` with the sorted edits `a` and `b` inserted (at the same place and
 * order, `a`'s first: as if `b` were appended to `a` and all sorted
 * stably), after `header`.
 */
function build(src: string, a: readonly Edit[], b: readonly Edit[], header: string): string {
  // One flat string in the end (a chain of += would leave thousands of rope nodes for the GC and the VM);
  // the pieces of 64 edits at a time are joined by += first (join's cost is per part: ~30 % less in all).
  const parts: string[] = [header];
  let group = "";
  let inGroup = 0;
  const pos = inMergedOrder(a, b, (from, e) => {
    group += src.slice(from, e.at) + e.text;
    if (++inGroup === 64) {
      parts.push(group);
      group = "";
      inGroup = 0;
    }
  });
  parts.push(group, src.slice(pos));
  return parts.join("");
}

/**
 * Calls `visit` for each edit of the sorted lists `a` and `b` in the order
 * {@link build} inserts them (`a`'s first at the same place and order), with
 * the offset the chunk was copied up to before it (the last edit's, 0 at
 * first); returns the last edit's offset.
 */
function inMergedOrder(a: readonly Edit[], b: readonly Edit[], visit: (from: number, e: Edit) => void): number {
  let pos = 0;
  let i = 0;
  let j = 0;
  const na = a.length;
  const nb = b.length;
  while (i < na || j < nb) {
    const e = j >= nb || (i < na && !before(b[j]!, a[i]!)) ? a[i++]! : b[j++]!;
    visit(pos, e);
    pos = e.at;
  }
  return pos;
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
  const r = finishEdited(src, edits, usedS, fns);
  return typeof r === "string" ? r : r.text();
}

/**
 * {@link finishChunk} as its pieces ({@link EditedChunk}), its text not made
 * yet; `src` itself when nothing is inserted.
 */
export function finishEdited(src: string, edits: Edit[], usedS: boolean, fns: readonly VarargFn[]): EditedChunk | string {
  let usedPack = false;
  const args: Edit[] = [];
  for (const f of fns) {
    if (!f.argUsed) continue;
    if (f.usesVararg) args.push({ at: f.bodyAt, text: ARG_NIL, order: 0 });
    else {
      usedPack = true;
      args.push({ at: f.bodyAt, text: ARG_PACK, order: 0 });
    }
  }
  const header: string[] = [];
  if (usedS) header.push(S_HEADER);
  if (usedPack) header.push(PACK_HEADER);
  if (!header.length && !edits.length && !args.length) return src;
  // Sorted apart and merged: the `arg` locals (in the order the functions end) would each move far back in one list.
  const h = header.length ? header.join(" ") + " " : "";
  if (sortEdits(edits) && sortEdits(args)) {
    return inside(edits, src.length) && inside(args, src.length) ? new EditedChunk(src, edits, args, h) : build(src, edits, args, h);
  }
  // As one list, sorted by Array's sort (its outcome when offsets compare as NaN); as text, made now.
  edits.push(...args);
  edits.sort(compareEdits);
  return build(src, edits, NO_EDITS, h);
}

/** Every edit's offset is a whole number from 0 to `n` (so the chunk's pieces are its slices between them). */
function inside(edits: readonly Edit[], n: number): boolean {
  for (let i = 0; i < edits.length; i++) {
    const at = edits[i]!.at;
    if (!(at >= 0 && at <= n && Math.floor(at) === at)) return false;
  }
  return true;
}

/**
 * A chunk with insertions, kept as its pieces: `header`, then `src` with the
 * sorted edits `a` and `b` inserted (as {@link build} joins them). Its text
 * is made on first use ({@link text}); a reader that copies the chunk
 * anyway, as the VM does into its memory to compile it, writes the pieces
 * there instead ({@link writeLatin1}): no 200 KB string made and dropped
 * for a large tool's first load.
 */
export class EditedChunk {
  /** Characters of the text: the header, the chunk and every insertion. */
  readonly length: number;
  private made: string | undefined;
  constructor(
    /** The chunk the edits go into. */
    readonly src: string,
    private readonly a: readonly Edit[],
    private readonly b: readonly Edit[],
    private readonly header: string,
  ) {
    let n = header.length + src.length;
    for (let i = 0; i < a.length; i++) n += a[i]!.text.length;
    for (let i = 0; i < b.length; i++) n += b[i]!.text.length;
    this.length = n;
  }

  /** The text (made once). */
  text(): string {
    if (this.made === undefined) this.made = build(this.src, this.a, this.b, this.header);
    return this.made;
  }

  /** Whether {@link text} has been made (a reader then copies that string). */
  get textMade(): boolean {
    return this.made !== undefined;
  }

  /**
   * Writes the text's characters as bytes (latin1: each must be a byte; the
   * caller checks `src`) into `view` from `at`; returns where it ended: the
   * edits are sorted and inside the chunk, so this writes {@link length}
   * bytes, those of {@link text}.
   */
  writeLatin1(view: Buffer, at: number): number {
    const src = this.src;
    let w = at + view.write(this.header, at, "latin1");
    const pos = inMergedOrder(this.a, this.b, (from, e) => {
      if (e.at > from) w += view.write(src.slice(from, e.at), w, "latin1");
      w += view.write(e.text, w, "latin1");
    });
    if (pos < src.length) w += view.write(pos === 0 ? src : src.slice(pos), w, "latin1");
    return w;
  }
}
