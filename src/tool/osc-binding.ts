import { text } from "../core/bytes.js";
import { LuaRecords, LuaRef, multi, type HostFunction, type LuaInput, type LuaValue, type LuaVm } from "../lua/index.js";
import { Bundle, from_binary_data, Message, OscBundle, OscMessage, OscUsageError } from "../renoise/osc/index.js";
import type { OscArgument, OscElement, OscInt64, OscValue } from "../renoise/osc/index.js";
import { OSC_ARGUMENT_FIELDS, releaseAll, type LuaTables } from "./tables.js";

/** `renoise.Osc` for Lua. @internal */
export interface OscBinding {
  /** The `renoise.Osc` table. */
  readonly table: Record<string, LuaInput>;
}

/**
 * Binds `renoise.Osc` (src/renoise/osc, in TypeScript) into a VM: `Message`,
 * `Bundle`, `from_binary_data`, and `Message`/`Bundle` userdata whose
 * properties are `pattern`, `arguments` (a fresh table of `{tag=, value=}`
 * tables), `timetag`, `elements` and `binary_data`. Misuse raises a Lua error
 * carrying the TypeScript message.
 *
 * Numbers: Lua integers arrive as JS numbers, so int64 values beyond 2^53
 * lose precision on the way in (as with Renoise's double-only Lua 5.1);
 * going out, `h` values are exact Lua integers and time tags are numbers.
 *
 * @internal
 */
export function bindOsc(vm: LuaVm, tables: LuaTables): OscBinding {
  const messageClass = vm.defineClass<OscMessage>({
    typeName: "Message",
    properties: {
      pattern: { get: (m) => m.pattern },
      arguments: { get: (m) => argumentsToLua(m.arguments) },
      binary_data: { get: (m) => m.binary_data },
    },
    tostring: (m) => text(m.toString()),
  });
  const bundleClass = vm.defineClass<OscBundle>({
    typeName: "Bundle",
    properties: {
      timetag: { get: (b) => timetagToLua(b.timetag) },
      elements: { get: (b) => b.elements },
      binary_data: { get: (b) => b.binary_data },
    },
    tostring: (b) => text(b.toString()),
  });
  // Every message and bundle is userdata of its class, by its prototype: they are made often (one per
  // from_binary_data), and nothing is marked per object.
  vm.wrapInstances(OscMessage, messageClass);
  vm.wrapInstances(OscBundle, bundleClass);

  const message: HostFunction = (pattern, args) => {
    if (args === undefined || !(args instanceof LuaRef)) {
      return Message(pattern as string, args as never);
    }
    if (args.type !== "table") {
      throw new OscUsageError(
        `renoise.Osc.Message: arguments must be a table of {tag = "...", value = ...} tables (or nil), got a ${args.type}`,
      );
    }
    const raw = tables.oscArgs(args);
    try {
      const list = raw.map((a): unknown =>
        // A table or function value is shown as "object" by the TypeScript message.
        a.table ? { tag: a.tag, value: a.value instanceof LuaRef ? {} : a.value } : opaque(a.value),
      );
      return Message(pattern as string, list as OscArgument[]);
    } finally {
      for (const a of raw) releaseAll(a.table ? [a.tag, a.value] : [a.value]);
    }
  };

  const bundle: HostFunction = (timetag, elements) => {
    if (elements instanceof LuaRef && elements.type === "table") {
      const list = tables.seq(elements);
      try {
        return Bundle(timetag as OscInt64, list as OscElement[]);
      } finally {
        releaseAll(list);
      }
    }
    return Bundle(timetag as OscInt64, elements as OscElement);
  };

  const fromBinaryData: HostFunction = (data) => {
    const [obj, err] = from_binary_data(data as string);
    return obj === undefined ? multi(undefined, err) : obj;
  };

  return { table: { Message: message, Bundle: bundle, from_binary_data: fromBinaryData } };
}

/**
 * A message's `arguments` for Lua: a fresh table of `{tag =, value =}`
 * tables at each read. The normalized arguments are those tables' contents
 * already, except time tags (numbers in Lua).
 */
function argumentsToLua(args: readonly OscValue[]): LuaRecords {
  const records = args.some((a) => a.tag === "t") ? args.map(argumentToLua) : (args as readonly { readonly [key: string]: LuaInput }[]);
  return new LuaRecords(records, OSC_ARGUMENT_FIELDS);
}

function argumentToLua(a: OscValue): { readonly [key: string]: LuaInput } {
  if (a.tag === "N" || a.tag === "I") return { tag: a.tag };
  if (a.tag === "t") return { tag: a.tag, value: timetagToLua(a.value) };
  const value: LuaValue | bigint = a.value;
  return { tag: a.tag, value };
}

/** Time tags are unsigned 64 bit: beyond 2^63 a Lua integer would wrap, so large ones become floats. */
function timetagToLua(t: OscInt64): number {
  return typeof t === "bigint" ? Number(t) : t;
}

function opaque(v: LuaValue): unknown {
  return v instanceof LuaRef ? {} : v;
}
