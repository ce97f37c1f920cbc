import { expect, it } from "vitest";
import { DEFAULT_SERVER_ERROR } from "../../src/index.js";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("injects socket_error into a running server at a virtual time", () => {
  const { sim, log } = toolAndPhone();
  sim.faults.serverError({ port: 8000, at: 250, message: "Too many open files" });
  sim.advance(249);
  expect(log).toEqual([]);
  sim.advance(1);
  expect(log).toEqual(["error Too many open files"]);
});

it("injects socket_error on a condition: after the first socket_accepted", () => {
  const { sim, log } = toolAndPhone();
  sim.faults.serverError({ port: 8000, when: (e) => e.kind === "callback" && e.callback === "socket_accepted" });
  for (const delay of [0, 5]) {
    sim.spawn("phone", function* (peer) {
      yield* peer.sleep(delay);
      yield* peer.connect(sim.host.address, 8000);
    });
  }
  sim.runUntilIdle();
  expect(log.map((l) => l.split(" ")[0])).toEqual(["accepted", "error", "accepted"]);
  expect(log[1]).toBe(`error ${DEFAULT_SERVER_ERROR}`);
});

it("notes a skipped injection when no server listens there", () => {
  const { sim, log } = toolAndPhone();
  sim.faults.serverError({ port: 9999 });
  expect(log).toEqual([]);
  expect(sim.events.at(-1)).toMatchObject({ kind: "fault", fault: "server-error", action: "skip" });
});
