import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLuaVm, type LuaVm } from "../../src/lua/index.js";

// Behaviour from renoise/definitions library/standard.lua.
describe("Lua host: Renoise std-lib additions", () => {
  let vm: LuaVm;
  let clock = 0;
  beforeAll(async () => {
    vm = await createLuaVm({
      now: () => clock,
      epoch: 0,
      platform: "MACINTOSH",
      tool: { files: { "main.lua": "-- main", "sub/data.bin": "\x00\x01\x02" }, root: "/tools/com.x.y.xrnx/" },
    });
  });
  afterAll(() => vm.close());

  it("table.create gives a table with table.* methods", () => {
    expect(vm.run("local t = table.create() t:insert('a') t:insert('b') return t:concat('|')")).toEqual(["a|b"]);
    expect(vm.run("return table.create{1, 2, 3}:concat('|')")).toEqual(["1|2|3"]);
  });

  it("table.is_empty and table.count work for non-indexed tables", () => {
    expect(vm.run("return table.is_empty({}), table.is_empty({66}), table.is_empty({a = 1})")).toEqual([true, false, false]);
    expect(vm.run("return table.count({a = 1, b = 1}), table.count({1, 2, x = 3})")).toEqual([2, 3]);
  });

  it("table.find returns the first matching key, from an optional start index", () => {
    expect(vm.run("return table.find({'a', 'b'}, 'a'), table.find({a = 1, b = 2}, 2), table.find({'a', 'b', 'a'}, 'a', 2), table.find({'a'}, 'c')")).toEqual([
      1, "b", 3, undefined,
    ]);
  });

  it("table.keys and table.values list keys and values", () => {
    expect(vm.run("return table.concat(table.keys({'a', 'b'}), ','), table.concat(table.values({'a', 'b'}), ',')")).toEqual([
      "1,2",
      "a,b",
    ]);
    expect(vm.run("local k = table.keys({x = 1, y = 2}) table.sort(k) return table.concat(k, ',')")).toEqual(["x,y"]);
  });

  it("table.copy copies one level and the metatable; table.rcopy deeply, keeping cycles", () => {
    const out = vm.run(`
      local mt = {}
      local inner = {1}
      local t = setmetatable({inner = inner, v = 1}, mt)
      local c = table.copy(t)
      local r = table.rcopy(t)
      t.self = t
      local rc = table.rcopy(t)
      return c.inner == inner, getmetatable(c) == mt, r.inner ~= inner, r.inner[1], getmetatable(r) == mt, rc.self == rc
    `);
    expect(out).toEqual([true, true, true, 1, true, true]);
  });

  it("table.clear removes all elements", () => {
    expect(vm.run("local t = {1, 2, a = {3}} local a = t.a table.clear(t) return next(t), #a")).toEqual([undefined, 0]);
  });

  it("ripairs iterates backwards", () => {
    expect(vm.run("local s = '' for k, v in ripairs({'a', 'b', 'c'}) do s = s .. k .. v .. ' ' end return s")).toEqual([
      "3c 2b 1a ",
    ]);
  });

  it("rprint dumps tables recursively through print", () => {
    vm.printed.length = 0;
    vm.run("rprint({'a', sub = {x = true}})");
    expect(vm.printed[0]).toBe("[1] => a");
    expect(vm.printed[1]).toMatch(/^\[sub\] => table: 0x[0-9a-f]+$/);
    expect(vm.printed[2]).toBe("  [x] => true");
    expect(vm.printed).toHaveLength(3);
  });

  it("os.platform is configurable", () => {
    expect(vm.run("return os.platform()")).toEqual(["MACINTOSH"]);
  });

  it("os.clock and os.time follow the virtual clock", () => {
    clock = 2_500;
    expect(vm.run("return os.clock(), os.time()")).toEqual([2.5, 2]);
    clock = 86_400_000 + 3_600_000;
    expect(vm.run("return os.time(), os.date('!%Y-%m-%d %H:%M:%S')")).toEqual([90_000, "1970-01-02 01:00:00"]);
  });

  it("io.exists and io.stat see the tool folder (relative or absolute paths)", () => {
    expect(vm.run("return io.exists('main.lua'), io.exists('/tools/com.x.y.xrnx/sub/data.bin'), io.exists('nope.lua'), io.exists('sub')")).toEqual([
      true, true, false, true,
    ]);
    expect(vm.run("local s = io.stat('sub/data.bin') return s.type, s.size")).toEqual(["file", 3]);
    expect(vm.run("return io.stat('sub').type")).toEqual(["directory"]);
    expect(vm.run("return io.stat('missing.txt')")).toEqual([undefined, "missing.txt: No such file or directory", 2]);
  });

  it("io.stat and io.exists see no file outside the tool folder (unless the test supplies it)", () => {
    expect(vm.run("return io.stat('/etc/passwd')", "@main.lua")).toEqual([undefined, "/etc/passwd: No such file or directory", 2]);
    expect(vm.run("return io.exists('../other.xrnx/main.lua')", "@main.lua")).toEqual([false]);
  });

  it("oprint lists the members of a class object", () => {
    vm.printed.length = 0;
    vm.run("class 'Thing' function Thing:__init() self.size = 1 end function Thing:grow() end oprint(Thing())");
    expect(vm.printed).toEqual(["class: Thing", " properties:", "   size", " methods:", "   grow"]);
  });
});
