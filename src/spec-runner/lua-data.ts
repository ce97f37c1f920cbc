import { text } from "../core/bytes.js";
import type { LuaInput } from "../lua/index.js";

/** Parses the JSON text the `sim` glue sends (bytes above 127 arrive as \u00XX: byte strings). */
export function fromLuaJson(json: string): unknown {
  return JSON.parse(json) as unknown;
}

/** Deeply renames object keys from Lua's snake_case to the TypeScript API's camelCase (`after_bytes` → `afterBytes`). */
export function camelKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camelKeys);
  if (typeof v !== "object" || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = camelKeys(x);
  return out;
}

/** Converts plain JS data (trace events, results) into Lua values: text with characters above 255 is UTF-8 encoded. */
export function toLuaData(v: unknown): LuaInput {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string") {
    for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 255) return text(v);
    return v;
  }
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(toLuaData);
  if (typeof v === "object") {
    const out: Record<string, LuaInput> = {};
    for (const [k, x] of Object.entries(v)) if (typeof x !== "function") out[k] = toLuaData(x);
    return out;
  }
  return undefined;
}
