import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toBytes } from "../../src/core/bytes.js";
import { createLuaVm, type LuaVm } from "../../src/lua/index.js";
import { firstArgumentUnseen } from "../../src/lua/param-use.js";

// Whether a function can see its first argument is read from its stripped
// bytecode: every way of naming the parameter (read, written, passed,
// returned, compared, captured by a closure at any depth) counts as seeing
// it; a function that only uses its other parameters, or has none, does not
// see it; `...` may hold it; a C function (no bytecode) counts as seeing it.

/** `[function source, whether it can see its first argument]` */
const CASES: readonly (readonly [string, boolean])[] = [
  // Never sees it.
  ["function(sock, msg) total = total + #msg end", false],
  ["function(sock, msg) return msg end", false],
  ["function(sock, msg) local x = 1; local y = x * 2; print(msg, y) end", false],
  ["function(sock, msg) for i = 1, 3 do print(msg, i) end end", false],
  ["function(sock, msg) local list = {} list[#list + 1] = msg end", false],
  ["function(sock, msg) a.b.c = msg; local pair = {msg, msg} end", false],
  ["function(sock, msg) local up = msg:upper() end", false],
  ["function(sock, msg) while true do if msg then break end end end", false],
  ["function(sock, msg) return function() return msg end end", false],
  ["function(sock, msg) local k = (msg == 'x') and 1 or 2 end", false],
  ["function(sock, ...) print(...) end", false],
  ["function() end", false],
  // Sees it.
  ["function(sock, msg) sock:send(msg) end", true],
  ["function(sock, msg) local copy = sock end", true],
  ["function(sock, msg) seen[sock] = true end", true],
  ["function(sock, msg) seen[msg] = sock end", true],
  ["function(sock, msg) seen.last = sock end", true],
  ["function(sock, msg) seen[1] = sock end", true],
  ["function(sock, msg) last = sock end", true],
  ["function(sock, msg) return sock end", true],
  ["function(sock, msg) return msg, sock end", true],
  ["function(sock, msg) print(msg, sock) end", true],
  ["function(sock, msg) return relay(sock) end", true],
  ["function(sock, msg) make(msg)(sock) end", true],
  ["function(sock, msg) if sock then end end", true],
  ["function(sock, msg) if msg == sock then end end", true],
  ["function(sock, msg) local t = msg < sock end", true],
  ["function(sock, msg) local t = sock ~= nil end", true],
  ["function(sock, msg) local t = sock == 'x' end", true],
  ["function(sock, msg) local t = sock > 3 end", true],
  ["function(sock, msg) local t = msg or sock end", true],
  ["function(sock, msg) local t = sock and sock.peer_port end", true],
  ["function(sock, msg) local t = #sock end", true],
  ["function(sock, msg) local t = -sock end", true],
  ["function(sock, msg) local t = not sock end", true],
  ["function(sock, msg) local t = 1 + sock end", true],
  ["function(sock, msg) local t = msg - sock end", true],
  ["function(sock, msg) local t = sock // 2 end", true],
  ["function(sock, msg) local t = 1 << sock end", true],
  ["function(sock, msg) local t = sock & 1 end", true],
  ["function(sock, msg) local t = msg .. sock end", true],
  ["function(sock, msg) local t = sock.peer_address end", true],
  ["function(sock, msg) local t = sock[msg] end", true],
  ["function(sock, msg) local t = msg[sock] end", true],
  ["function(sock, msg) local t = {sock} end", true],
  ["function(sock, msg) local t = {key = sock} end", true],
  ["function(sock, msg) local t = {[sock] = 1} end", true],
  ["function(sock, msg) for k in pairs(sock) do end end", true],
  ["function(sock, msg) for i = sock, 10 do end end", true],
  ["function(sock, msg) sock = nil end", true],
  ["function(sock, msg) local c <close> = sock end", true],
  ["function(sock, msg) return function() return sock end end", true],
  ["function(sock, msg) return function() return function() return sock end end end", true],
  ["function(sock, ...) print(sock, ...) end", true],
  ["function(...) end", true],
  ["print", true],
];

let vm: LuaVm;
beforeAll(async () => {
  vm = await createLuaVm({ luaVersion: "5.4" });
});
afterAll(() => vm.close());

/** `string.dump(f, true)` of the function `source` evaluates to, or undefined where it cannot be dumped. */
function dump(source: string): string | undefined {
  const [d] = vm.run(`local f = ${source}; local ok, d = pcall(string.dump, f, true); if ok then return d end`);
  return typeof d === "string" ? d : undefined;
}

/** {@link firstArgumentUnseen} of a dump given as a byte string. */
const unseen = (d: string): boolean => firstArgumentUnseen(toBytes(d));

describe("whether a function can see its first argument, from its bytecode", () => {
  for (const [source, sees] of CASES) {
    it(`${sees ? "sees" : "never sees"}: ${source}`, () => {
      const d = dump(source);
      expect(d === undefined ? false : unseen(d)).toBe(!sees);
    });
  }

  it("counts bytecode it cannot read whole as seeing", () => {
    const d = dump("function(sock, msg) return msg end")!;
    expect(unseen(d)).toBe(true);
    expect(unseen(d.slice(0, -1))).toBe(false); // cut short
    expect(unseen(`${d}\u0000`)).toBe(false); // something after it
    expect(unseen(d.replace("\x1bLua\x54", "\x1bLua\x53"))).toBe(false); // another version
    expect(unseen("")).toBe(false);
  });
});
