import { describe, expect, it } from "vitest";
import { createSimulation, ok, type Notifier, type SocketClient } from "../../src/index.js";

// As in Lua, a table notifier's functions are called without self (`this` is undefined),
// and a class instance's methods get the instance. So a TypeScript notifier that relies
// on `this` in an object literal, which breaks once compiled to Lua by TypeScriptToLua,
// breaks here too.
describe("notifier self", () => {
  it("calls a table's functions without this", () => {
    const sim = createSimulation({ seed: 1 });
    const seen: unknown[] = [];
    const table: Notifier = {
      socket_message(this: unknown, _c: SocketClient, _m: string) {
        seen.push(this);
      },
    };
    ok(sim.renoise.Socket.create_server(7900)).run(table);
    ok(sim.renoise.Socket.create_client("localhost", 7900)).send("x");
    sim.advance(0);
    expect(seen).toEqual([undefined]);
  });

  it("fails a table notifier that uses this, as the compiled Lua would", () => {
    const sim = createSimulation({ seed: 1, semantics: { onCallbackError: "record" } });
    const counter = {
      count: 0,
      socket_message() {
        this.count++;
      },
    };
    ok(sim.renoise.Socket.create_server(7901)).run(counter);
    ok(sim.renoise.Socket.create_client("localhost", 7901)).send("x");
    sim.advance(0);
    expect(counter.count).toBe(0);
    expect(sim.events.find((e) => e.kind === "callback.error")?.error).toMatch(/undefined/);
  });

  it("calls a class instance's methods with the instance", () => {
    const sim = createSimulation({ seed: 1 });
    class Counter implements Notifier {
      count = 0;
      socket_message(): void {
        this.count++;
      }
    }
    const c = new Counter();
    ok(sim.renoise.Socket.create_server(7902)).run(c);
    ok(sim.renoise.Socket.create_client("localhost", 7902)).send("x");
    sim.advance(0);
    expect(c.count).toBe(1);
  });
});
