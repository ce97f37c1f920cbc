import type { LuaInput } from "../lua/index.js";
import { songApi } from "./song-binding.js";

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
 * The template's `renoise` table: {@link RENOISE_STATIC_DATA} and, given
 * `fns` (the song API's functions), {@link RENOISE_TEMPLATE_FUNCTIONS}.
 *
 * @internal
 */
export function renoiseTemplateTable(fns: Record<string, LuaInput>): Tree {
  const out: Tree = { ...RENOISE_STATIC_DATA };
  for (const k of RENOISE_TEMPLATE_FUNCTIONS) out[k] = fns[k];
  return out;
}

/** Placeholders of {@link RENOISE_TEMPLATE_FUNCTIONS} for the template. @internal */
export function renoiseTemplatePlaceholders(): Tree {
  const fns: Tree = {};
  for (const k of RENOISE_TEMPLATE_FUNCTIONS) {
    fns[k] = () => {
      throw new Error(`renoise-sim: host function 'renoise.${k}' of the tool VM template ran before a tool was bound to the VM`);
    };
  }
  return renoiseTemplateTable(fns);
}

/**
 * `tree` without the data leaves that `installed` (data installed before,
 * in the same tables) already holds with the same value; undefined if
 * `installed` holds a leaf that `tree` lacks or holds otherwise (then
 * `tree` must be installed whole).
 */
function minus(tree: Tree, installed: Tree): Tree | undefined {
  const out: Tree = {};
  for (const [k, v] of Object.entries(tree)) {
    const s = installed[k];
    if (s === undefined) out[k] = v;
    else if (isPlain(s)) {
      if (!isPlain(v)) return undefined;
      const rest = minus(v, s);
      if (rest === undefined) return undefined;
      if (Object.keys(rest).length) out[k] = rest;
    } else if (!Object.is(s, v)) return undefined;
  }
  for (const k of Object.keys(installed)) if (!(k in tree)) return undefined;
  return out;
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
  const rest: Tree = {};
  for (const [k, v] of Object.entries(tree)) if (!RENOISE_TEMPLATE_FUNCTIONS.includes(k)) rest[k] = v;
  return minus(rest, RENOISE_STATIC_DATA) ?? rest;
}
