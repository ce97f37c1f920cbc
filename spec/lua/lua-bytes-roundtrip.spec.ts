import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLuaVm, type LuaVm, type LuaValue } from "../../src/lua/index.js";

const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join("");
const TRICKY = "a\0b\xff\xfe\xc0\x80\0\0z";

describe("Lua host: byte strings cross the bridge exactly", () => {
  let vm: LuaVm;
  const received: LuaValue[][] = [];

  beforeAll(async () => {
    vm = await createLuaVm();
    vm.installGlobals({
      js: {
        echo: (...args: LuaValue[]) => {
          received.push(args);
          return args[0];
        },
        all_bytes: () => ALL_BYTES,
        tricky: () => TRICKY,
      },
    });
  });
  afterAll(() => vm.close());

  it("sends all 256 byte values from Lua to JS", () => {
    received.length = 0;
    vm.run("local t = {} for i = 0, 255 do t[#t + 1] = string.char(i) end js.echo(table.concat(t))");
    expect(received[0]?.[0]).toBe(ALL_BYTES);
  });

  it("returns all 256 byte values from JS to Lua, each at its place", () => {
    const [ok, len] = vm.run(`
      local s = js.all_bytes()
      for i = 0, 255 do
        if s:byte(i + 1) ~= i then return false, i end
      end
      return true, #s
    `);
    expect(ok).toBe(true);
    expect(len).toBe(256);
  });

  it("keeps NUL in the middle and invalid UTF-8, both ways, with exact #s", () => {
    received.length = 0;
    const [back, len, bytes] = vm.run(`
      local s = "a\\0b\\xff\\xfe\\xc0\\x80\\0\\0z"
      local r = js.echo(s)
      return r, #r, table.concat({ r:byte(1, -1) }, ",")
    `);
    expect(received[0]?.[0]).toBe(TRICKY);
    expect(back).toBe(TRICKY);
    expect(len).toBe(TRICKY.length);
    expect(bytes).toBe([...TRICKY].map((c) => c.charCodeAt(0)).join(","));
  });

  it("round-trips a JS-made byte string through Lua unchanged", () => {
    const [s, len] = vm.run("local s = js.tricky() return js.echo(s), #s");
    expect(s).toBe(TRICKY);
    expect(len).toBe(10);
  });

  it("passes bytes as chunk arguments and results, and large payloads", () => {
    const big = ALL_BYTES.repeat(300); // 76800 bytes
    const [out, len] = vm.run("local s = ... return s, #s", "=(args)", big);
    expect(out).toBe(big);
    expect(len).toBe(big.length);
  });

  it("accepts Uint8Array input as bytes", () => {
    const [len, last] = vm.run("local s = ... return #s, s:byte(-1)", "=(u8)", new Uint8Array([0, 1, 255]));
    expect(len).toBe(3);
    expect(last).toBe(255);
  });

  it("refuses JS strings with chars above 0xFF instead of re-encoding them", () => {
    expect(() => vm.run("return ...", "=(bad)", "caf\u00e9 \u20ac")).toThrow(/U\+20AC.*not a byte/);
    // The VM is still fine afterwards.
    expect(vm.run("return 1 + 1")).toEqual([2]);
  });
});
