import type { LuaInput } from "../lua/index.js";
import { songApi, songApiExtensions } from "./song-binding.js";

/** `renoise.API_VERSION` of the simulated Renoise. */
export const RENOISE_API_VERSION = 6.2;
/** `renoise.RENOISE_VERSION` of the simulated Renoise. */
export const RENOISE_VERSION = "3.5.0";

type Tree = Record<string, LuaInput>;

function isPlain(v: unknown): v is Tree {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function isData(v: unknown): boolean {
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean";
}

/** The data leaves (numbers, strings, booleans) of a tree of globals, in their tables; undefined if none. */
function dataOf(tree: Tree): Tree | undefined {
  let out: Tree | undefined;
  for (const [k, v] of Object.entries(tree)) {
    const d = isPlain(v) ? dataOf(v) : isData(v) ? v : undefined;
    if (d !== undefined) (out ??= {})[k] = d;
  }
  return out;
}

/**
 * The part of the `renoise` global that is the same for every tool: its
 * constants (versions, the class constant tables of the song API). The
 * tool VM template installs it once (lua-preload.ts); a tool load then
 * installs only the rest (see {@link withoutStaticData}).
 *
 * @internal
 */
export const RENOISE_STATIC_DATA: Tree = Object.freeze(
  dataOf({
    API_VERSION: RENOISE_API_VERSION,
    RENOISE_VERSION,
    ...songApi(() => {
      throw new Error("renoise-sim: the tool VM template asked for the song");
    }),
  }) ?? {},
);

/**
 * The song API's functions at the top of `renoise` that the VM template
 * holds (placeholders bound to each tool's): the template's Lua chunks of
 * the song API (pattern iterator, class objects) read them as they load.
 *
 * @internal
 */
export const RENOISE_TEMPLATE_FUNCTIONS: readonly string[] = Object.freeze(["song", "SongPos"]);

/**
 * The arguments of the template chunk that makes the `renoise` table
 * ({@link RENOISE_TABLE_LUA}): {@link RENOISE_STATIC_DATA} itself (the same
 * object for every VM, so binding a VM skips it) and, given `fns` (the song
 * API's functions), a table of {@link RENOISE_TEMPLATE_FUNCTIONS}.
 *
 * @internal
 */
export function renoiseTemplateArgs(fns: Record<string, LuaInput>): [Tree, Tree] {
  const picked: Tree = {};
  for (const k of RENOISE_TEMPLATE_FUNCTIONS) picked[k] = fns[k];
  return [RENOISE_STATIC_DATA, picked];
}

/**
 * The template chunk making the `renoise` global: the data table with the
 * functions set after its data (the same table, in the same order, as one
 * JS object holding both would make).
 *
 * @internal
 */
export const RENOISE_TABLE_LUA = `local t, f = ...
${RENOISE_TEMPLATE_FUNCTIONS.map((k) => `rawset(t, "${k}", f.${k})`).join("\n")}
rawset(_G, "renoise", t)`;

/** The song API's extensions when {@link RENOISE_STATIC_DATA} was made. */
const EXTENSIONS = [...songApiExtensions];

/** What of songApi's table is not data: exactly RENOISE_TEMPLATE_FUNCTIONS, at its top. */
function onlyTemplateFunctions(api: Tree): boolean {
  const fns = (t: Tree, path: string): string[] =>
    Object.entries(t).flatMap(([k, v]) => (isPlain(v) ? fns(v, `${path}${k}.`) : isData(v) ? [] : [path + k]));
  const found = fns(api, "");
  return found.length === RENOISE_TEMPLATE_FUNCTIONS.length && RENOISE_TEMPLATE_FUNCTIONS.every((k) => found.includes(k));
}

const SONG_API_IS_TEMPLATE = onlyTemplateFunctions(
  songApi(() => {
    throw new Error("renoise-sim: the tool VM template asked for the song");
  }),
);

/**
 * True while every tool's songApi table is {@link RENOISE_STATIC_DATA} plus
 * {@link RENOISE_TEMPLATE_FUNCTIONS} (no extension was added since the
 * template's data were made): a tool load then installs none of it.
 *
 * @internal
 */
export function songApiIsInTemplate(): boolean {
  return SONG_API_IS_TEMPLATE && songApiExtensions.length === EXTENSIONS.length && songApiExtensions.every((e, i) => e === EXTENSIONS[i]);
}

/** Placeholders of {@link RENOISE_TEMPLATE_FUNCTIONS} for the template (pass them to {@link renoiseTemplateArgs}). @internal */
export function renoiseTemplatePlaceholders(): Tree {
  const fns: Tree = {};
  for (const k of RENOISE_TEMPLATE_FUNCTIONS) {
    fns[k] = () => {
      throw new Error(`renoise-sim: host function 'renoise.${k}' of the tool VM template ran before a tool was bound to the VM`);
    };
  }
  return fns;
}

/** What {@link minus} returns for "nothing left". */
const NOTHING: Tree = Object.freeze({});

/**
 * `tree` without the data leaves that `installed` (data installed before,
 * in the same tables) already holds with the same value; undefined if
 * `installed` holds a leaf that `tree` lacks or holds otherwise (then
 * `tree` must be installed whole). Runs at every tool load: no copies of
 * what stays the same (the same table object is the same data).
 */
function minus(tree: Tree, installed: Tree): Tree | undefined {
  let out: Tree | undefined;
  for (const k in tree) {
    const v = tree[k];
    const s = installed[k];
    if (s === undefined) {
      (out ??= {})[k] = v;
    } else if (v === s) {
      continue;
    } else if (typeof s === "object") {
      if (!isPlain(v)) return undefined;
      const rest = minus(v, s as Tree);
      if (rest === undefined) return undefined;
      if (rest !== NOTHING) (out ??= {})[k] = rest;
    } else if (!Object.is(s, v)) {
      return undefined;
    }
  }
  for (const k in installed) if (!(k in tree)) return undefined;
  return out ?? NOTHING;
}

/**
 * What a tool load installs into the `renoise` global when the VM template
 * already holds {@link RENOISE_STATIC_DATA} and {@link RENOISE_TEMPLATE_FUNCTIONS}
 * (bound to the tool): `tree` (the whole `renoise` table of the tool)
 * without those, or without the functions only if the constants are not
 * all in it with the same values (installing merges over them).
 *
 * @internal
 */
export function withoutTemplateParts(tree: Tree): Tree {
  const rest: Tree = { ...tree };
  for (const k of RENOISE_TEMPLATE_FUNCTIONS) delete rest[k];
  return minus(rest, RENOISE_STATIC_DATA) ?? rest;
}
