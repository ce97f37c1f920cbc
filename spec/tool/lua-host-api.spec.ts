import { describe, expect, it } from "vitest";
import { createLuaVm, multi, type LuaError, type LuaRef, type LuaValue } from "../../src/lua/index.js";

/** A stand-in for the lead's socket objects. */
class FakeSocket {
  sent: string[] = [];
  open = true;
  constructor(readonly port: number) {}
}

describe("Lua host: internal API for bindings (globals, callbacks, host objects)", () => {
  it("installs a global tree of JS functions with byte-exact args and multiple returns", async () => {
    const vm = await createLuaVm();
    const seen: LuaValue[][] = [];
    vm.installGlobals({
      renoise: {
        Socket: {
          PROTOCOL_TCP: 1,
          PROTOCOL_UDP: 2,
          create_client: (...args: LuaValue[]) => {
            seen.push(args);
            return multi(undefined, "connection refused\0!");
          },
        },
      },
    });
    vm.installGlobals({ renoise: { API_VERSION: 6 } }); // merges, does not replace
    const out = vm.run(`
      local c, err = renoise.Socket.create_client("127.0.0.1", 8000, renoise.Socket.PROTOCOL_UDP, 0.5)
      return c, err, #err, renoise.API_VERSION, renoise.Socket.PROTOCOL_TCP
    `);
    expect(out).toEqual([undefined, "connection refused\0!", 20, 6, 1]);
    expect(seen).toEqual([["127.0.0.1", 8000, 2, 0.5]]);
    vm.close();
  });

  it("keeps a retained Lua callback and calls it later with byte-string args", async () => {
    const vm = await createLuaVm();
    let stored: LuaRef | undefined;
    let borrowed: LuaRef | undefined;
    vm.installGlobals({
      on_message: (fn: LuaValue, other: LuaValue) => {
        stored = (fn as LuaRef).retain();
        borrowed = other as LuaRef;
      },
    });
    vm.run("got = {} on_message(function(msg, n) got[#got + 1] = msg return #msg, n * 2 end, {})");
    expect(borrowed?.isReleased).toBe(true); // not retained: released when the callback returned
    expect(stored?.isReleased).toBe(false);
    expect(stored!.call("\xff\0\xfe", 21)).toEqual([3, 42]);
    expect(vm.run("return got[1]")).toEqual(["\xff\0\xfe"]);
    stored!.release();
    expect(() => stored!.call()).toThrow(/released/);
    vm.close();
  });

  it("calls notifier methods with self on tables and class instances", async () => {
    const vm = await createLuaVm();
    vm.run(`
      log = {}
      notifier_table = { prefix = "T:" }
      function notifier_table:socket_message(socket, message) log[#log + 1] = self.prefix .. message end
      class "MyNotifier"
      function MyNotifier:__init(p) self.prefix = p end
      function MyNotifier:socket_message(socket, message) log[#log + 1] = self.prefix .. message end
      instance = MyNotifier("C:")
    `);
    const table = vm.getGlobal("notifier_table") as LuaRef;
    const instance = vm.getGlobal("instance") as LuaRef;
    table.callMethod("socket_message", undefined, "one");
    instance.callMethod("socket_message", undefined, "two");
    expect(vm.run("return table.concat(log, ',')")).toEqual(["T:one,C:two"]);
    expect(() => table.callMethod("socket_error", "x")).toThrow(/no method 'socket_error' on the table value/);
    vm.run("type = function() return 'hijacked' end");
    expect([vm.renoiseType(table), vm.renoiseType(instance), vm.renoiseType("s")]).toEqual(["table", "MyNotifier", "string"]);
    expect(instance.get("prefix")).toBe("C:");
    instance.set("prefix", "D:");
    expect(vm.run("return instance.prefix")).toEqual(["D:"]);
    table.release();
    instance.release();
    vm.close();
  });

  it("exposes JS objects as userdata with properties, methods, type() and identity", async () => {
    const vm = await createLuaVm();
    const cls = vm.defineClass<FakeSocket>({
      typeName: "SocketClient",
      properties: {
        is_open: {
          get: (s) => {
            if (s.port === 13) throw new Error("socket is dead");
            return s.open;
          },
        },
        port: { get: (s) => s.port },
        timeout: { get: () => 0, set: () => undefined },
      },
      methods: {
        send: (s, data) => {
          s.sent.push(data as string);
          return true;
        },
        close: (s) => {
          s.open = false;
        },
      },
    });
    const sock = vm.wrap(new FakeSocket(8000), cls);
    const dead = vm.wrap(new FakeSocket(13), cls);
    vm.installGlobals({ get_socket: () => sock, get_dead: () => dead, same_js: (a, b) => a === b && a === sock });

    expect(vm.run("local s = get_socket() return type(s), s.port, s.is_open, s:send('a\\0b')")).toEqual([
      "SocketClient",
      8000,
      true,
      true,
    ]);
    expect(sock.sent).toEqual(["a\0b"]);
    expect(vm.run("local a, b = get_socket(), get_socket() return a == b, rawequal(a, b), a == get_dead(), same_js(a, b)")).toEqual([
      true,
      true,
      false,
      true,
    ]);
    vm.run("get_socket():close()");
    expect(sock.open).toBe(false);
    expect(vm.run("return tostring(get_socket()):match('^SocketClient: ') ~= nil")).toEqual([true]);

    const errOf = (code: string): string => {
      try {
        vm.run(code, "@tool.lua");
      } catch (e) {
        return (e as LuaError).luaMessage;
      }
      return "no error";
    };
    expect(errOf("local x = get_dead().is_open")).toBe("tool.lua:1: socket is dead");
    expect(errOf("local x = get_socket().nope")).toBe(
      "tool.lua:1: unknown property or function 'nope' for an object of type 'SocketClient'",
    );
    expect(errOf("get_socket().port = 1")).toBe("tool.lua:1: property 'port' of an object of type 'SocketClient' is read-only");
    expect(errOf("local s = get_socket() s.send('x')")).toMatch(
      /^tool\.lua:1: bad argument #1 to 'send' \(SocketClient expected, got string\); call it as object:send/,
    );
    expect(vm.run("get_socket().timeout = 5 return 'ok'")).toEqual(["ok"]);
    vm.close();
  });

  it("frees host closures and object userdata when Lua collects them", async () => {
    const vm = await createLuaVm();
    const cls = vm.defineClass<{ id: number }>({ typeName: "Thing" });
    vm.installGlobals({ make: (n) => vm.wrap({ id: n as number }, cls), cb: (f) => (f as LuaRef).call() });
    vm.run("make(0)"); // the class's metatable (and its functions) is built with its first object
    vm.collectGarbage();
    const fns = vm.bridge.hostFunctionCount;
    vm.run("for i = 1, 200 do local t = make(i) cb(function() return t end) end");
    expect(vm.bridge.liveObjectCount).toBeGreaterThan(0);
    vm.collectGarbage();
    expect(vm.bridge.liveObjectCount).toBe(0);
    expect(vm.bridge.hostFunctionCount).toBe(fns);
    vm.close();
  });

  it("works inside coroutines, including JS calling back into Lua from there", async () => {
    const vm = await createLuaVm();
    vm.installGlobals({ apply: (f, x) => (f as LuaRef).call(x)[0] });
    const out = vm.run(`
      local co = coroutine.create(function(a)
        local b = apply(function(v) return v + 1 end, a)
        local c = coroutine.yield(b)
        return apply(function(v) return v .. "!" end, c)
      end)
      local _, first = coroutine.resume(co, 41)
      local ok, second = coroutine.resume(co, "x")
      local co2 = coroutine.create(function() apply(coroutine.yield, 1) end)
      local ok2, err2 = coroutine.resume(co2)
      return first, ok, second, ok2, err2
    `);
    expect(out.slice(0, 4)).toEqual([42, true, "x!", false]);
    expect(out[4]).toMatch(/attempt to yield across a C-call boundary/);
    vm.close();
  });

  it("offers raw stack-level functions and reading/writing globals", async () => {
    const vm = await createLuaVm();
    const add = vm.rawFunction("add", (L, b) => {
      b.c._lua_pushnumber(L, b.c._lua_tonumberx(L, 1, 0) + b.c._lua_tonumberx(L, 2, 0));
      return 1;
    });
    vm.setGlobal("add", add);
    add.release();
    vm.setGlobal("cfg", { name: "x\xff", list: [1, 2, 3] });
    expect(vm.run("return add(2, 3), cfg.name, #cfg.list")).toEqual([5, "x\xff", 3]);
    expect(vm.getGlobal("cfg.list.2")).toBeUndefined(); // dotted paths use string keys
    expect(vm.getGlobal("cfg.name")).toBe("x\xff");
    vm.close();
  });
});
