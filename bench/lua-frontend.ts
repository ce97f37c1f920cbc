import { clearFrontEndCache, createLuaVm, type LuaVm } from "../src/lua/index.js";
import type { Benchmark, Row } from "./report.js";
import { summarize, timeMs } from "./stats.js";

/**
 * Cost of the Lua 5.1 front end (src/lua/frontend): loading a 5,000-line
 * tool (compile + run of its main chunk, which defines its functions) in a
 * fresh VM read as 5.4 (no front end: the reference), as 5.1 with an empty
 * translation cache (first load in the process), and as 5.1 with the
 * translation cached (every later load of the same tool, e.g. a fresh VM
 * per fuzz scenario). Then what 5.1 number text costs at run time on paths
 * that format no number: `..` on strings and `table.concat` of strings.
 */
const REPS = 7;

/**
 * A tool of about `lines` lines in the style of a Renoise tool. With `arg`,
 * its vararg handlers use 5.1's implicit `arg` table (decided while lexing
 * by arg-nest.ts; the descent of arg-tokens.ts and luaparse only when that
 * cannot settle it);
 * without, only `..` needs rewriting (token path).
 */
export function syntheticTool(lines: number, arg = true): string {
  const out: string[] = ["-- synthetic tool for the front-end benchmark", "local M = {}", 'class "Widget"'];
  let i = 0;
  while (out.length < lines - 2) {
    out.push(
      `function M.handler_${i}(msg, ...)`,
      `  local parts = {}`,
      `  for word in msg:gmatch("[^%s]+") do parts[#parts + 1] = word:gsub("[%-%.]", "_") end`,
      `  if #parts == 0 then return nil, "empty message " .. ${i} end`,
      `  local reply = "/renoise/track/" .. ${i} .. "/volume " .. tostring(#parts)`,
      arg
        ? `  if arg and arg.n > 0 then reply = reply .. " extra=" .. arg.n end`
        : `  if select("#", ...) > 0 then reply = reply .. " extra=" .. select("#", ...) end`,
      `  return reply, parts`,
      `end`,
      `function Widget:method_${i}(x, y)`,
      `  local t = { x = x, y = y, name = "w${i}", ratio = x / (y + 1) }`,
      `  return t.name .. ":" .. t.ratio`,
      `end`,
    );
    i++;
  }
  out.push("M.count = " + String(i), "return M");
  return out.join("\n") + "\n";
}

const TOOL = syntheticTool(5000, false);
const TOOL_ARG = syntheticTool(5000, true);

async function loadOnce(tool: string, luaVersion: "5.1" | "5.4", cold: boolean): Promise<number> {
  const vm = await createLuaVm({ luaVersion, instructionLimit: 0 });
  if (cold) clearFrontEndCache();
  const ms = timeMs(() => void vm.run(tool, "@main.lua"));
  vm.close();
  return ms;
}

async function loadRows(): Promise<Row[]> {
  for (let i = 0; i < 3; i++) {
    await loadOnce(TOOL, "5.4", false);
    await loadOnce(TOOL, "5.1", true);
    await loadOnce(TOOL_ARG, "5.1", true);
  }
  const ref: number[] = [];
  const cold: number[] = [];
  const coldArg: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < REPS; i++) {
    ref.push(await loadOnce(TOOL, "5.4", false));
    cold.push(await loadOnce(TOOL, "5.1", true));
    coldArg.push(await loadOnce(TOOL_ARG, "5.1", true));
    await loadOnce(TOOL_ARG, "5.1", false); // fills the cache
    warm.push(await loadOnce(TOOL_ARG, "5.1", false));
  }
  const reference = { label: "5.4, no front end", value: summarize(ref) };
  const row = (label: string, samples: number[]): Row => {
    const ratio = summarize(samples.map((v, i) => v / ref[i]!));
    return {
      label,
      unit: "ms",
      value: summarize(samples),
      reference,
      ratio,
      goal: { text: "≤ 1.2× (front end adds < 20 %)", met: ratio.median <= 1.2 },
    };
  };
  return [
    { label: "load a 5,000-line tool, 5.4 (no front end)", unit: "ms", value: summarize(ref) },
    row("load a 5,000-line tool, 5.1, first load (token path: .. only)", cold),
    row("load a 5,000-line tool using arg, 5.1, first load (arg decided while lexing)", coldArg),
    row("load a 5,000-line tool using arg, 5.1, translation cached (fresh VM)", warm),
  ];
}

const CONCAT_LOOP = `
local s, n = "", 0
local a, b = "track", "volume"
for i = 1, 200000 do
  s = a .. "/" .. b
  n = n + #s
end
return n`;

const TABLE_CONCAT = `
local t = {}
for i = 1, 1000 do t[i] = "word" end
local n = 0
for i = 1, 300 do n = n + #table.concat(t, " ") end
return n`;

async function runRows(label: string, code: string): Promise<Row> {
  const vms: Record<string, LuaVm> = {
    "5.4": await createLuaVm({ luaVersion: "5.4", instructionLimit: 0 }),
    "5.1": await createLuaVm({ luaVersion: "5.1", instructionLimit: 0 }),
  };
  const ref: number[] = [];
  const lua51: number[] = [];
  for (let i = 0; i < REPS + 1; i++) {
    const r = timeMs(() => void vms["5.4"]!.run(code, "=bench"));
    const f = timeMs(() => void vms["5.1"]!.run(code, "=bench"));
    if (i > 0) {
      ref.push(r);
      lua51.push(f);
    }
  }
  vms["5.4"]!.close();
  vms["5.1"]!.close();
  return {
    label,
    unit: "ms",
    value: summarize(lua51),
    reference: { label: "5.4 (C Lua's own text)", value: summarize(ref) },
    ratio: summarize(lua51.map((v, i) => v / ref[i]!)),
  };
}

export const luaFrontend: Benchmark = {
  name: "lua-frontend",
  title: "8. Lua 5.1 front end",
  async run() {
    return [
      ...(await loadRows()),
      await runRows("200,000 concatenations of strings (a .. '/' .. b), 5.1 number text", CONCAT_LOOP),
      await runRows("300 table.concat of 1,000 strings, 5.1 number text", TABLE_CONCAT),
    ];
  },
};
