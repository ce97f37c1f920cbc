import { LuaRef, type LuaBridge, type LuaValue, type LuaVm } from "../lua/index.js";
import { TABLES_LUA } from "./lua/tables.js";

/** The fields of a `{tag =, value =}` OSC argument table, in this order (read from Lua and handed to it). */
export const OSC_ARGUMENT_FIELDS = ["tag", "value"] as const;

/** One OSC argument as read from Lua: a `{tag=, value=}` table, or something else. */
export type RawOscArgument = { table: true; tag: LuaValue; value: LuaValue } | { table: false; value: LuaValue };

/**
 * Reads Lua tables with one call each (see lua/tables.ts). Values returned
 * may hold {@link LuaRef}s: pass them to {@link releaseAll} when done.
 *
 * @internal
 */
export class LuaTables {
  private constructor(
    private readonly bridge: LuaBridge,
    private readonly seqFn: LuaRef,
    private readonly oscArgsFn: LuaRef,
    private readonly recordFn: LuaRef,
  ) {}

  static install(vm: LuaVm): LuaTables {
    // Run in the VM template (lua-preload.ts) unless the VM's preload list leaves it out.
    const [h] = vm.templateResults("tables") ?? vm.run(TABLES_LUA, "=[renoise-sim tables]");
    if (!(h instanceof LuaRef)) throw new Error("tables chunk did not return a table");
    try {
      return new LuaTables(vm.bridge, fn(h, "seq"), fn(h, "osc_args"), fn(h, "record"));
    } finally {
      h.release();
    }
  }

  /** The elements 1..#t of a Lua sequence. */
  seq(t: LuaRef): LuaValue[] {
    return this.seqFn.call(t);
  }

  /** The sequence 1..#t of a table and its string-keyed fields (keys as byte strings). */
  record(t: LuaRef): { items: LuaValue[]; fields: [LuaValue, LuaValue][] } {
    const out = this.recordFn.call(t);
    const n = out[0] as number;
    const items = out.slice(1, 1 + n);
    const fields: [LuaValue, LuaValue][] = [];
    for (let i = 1 + n; i + 1 < out.length + 1; i += 2) fields.push([out[i], out[i + 1]]);
    return { items, fields };
  }

  /** The elements of a Lua table of OSC arguments. */
  oscArgs(t: LuaRef): RawOscArgument[] {
    // A plain table of plain tables (what tools pass) read directly: what osc_args gives, without a call into Lua.
    const plain = this.bridge.plainItems(t, OSC_ARGUMENT_FIELDS);
    if (plain !== undefined) {
      return plain.map((a): RawOscArgument => (a.table ? { table: true, tag: a.values[0], value: a.values[1] } : { table: false, value: a.values[0] }));
    }
    const out = this.oscArgsFn.call(t);
    const n = out[0] as number;
    const args: RawOscArgument[] = [];
    for (let i = 0; i < n; i++) {
      const [isTable, a, b] = [out[1 + 3 * i], out[2 + 3 * i], out[3 + 3 * i]];
      args.push(isTable === true ? { table: true, tag: a, value: b } : { table: false, value: a });
    }
    return args;
  }

  release(): void {
    this.seqFn.release();
    this.oscArgsFn.release();
    this.recordFn.release();
  }
}

function fn(t: LuaRef, name: string): LuaRef {
  const f = t.get(name);
  if (!(f instanceof LuaRef)) throw new Error(`Lua helper '${name}' missing`);
  return f;
}

/** Releases every {@link LuaRef} among `values`. */
export function releaseAll(values: readonly unknown[]): void {
  for (const v of values) if (v instanceof LuaRef) v.release();
}

/** A Lua-style type name of a value the bridge produced (for error messages). */
export function luaTypeOf(v: unknown): string {
  if (v === undefined) return "nil";
  if (v instanceof LuaRef) return v.type;
  if (typeof v === "object") return "userdata";
  return typeof v;
}
