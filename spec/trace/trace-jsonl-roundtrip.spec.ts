import { expect, it } from "vitest";
import { parseTraceJsonl, toJsonl, TraceParseError } from "../../src/index.js";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("writes a trace as JSON Lines and reads it back unchanged, binary payloads included", () => {
  const { sim } = toolAndPhone();
  sim.faults.partition("renoise", "phone");
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000, 1, 100);
    c?.send("\0\xff\n");
  });
  sim.faults.heal();
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("\0\xff\n\"quoted\"");
  });
  sim.runUntilIdle();
  const text = sim.traceJsonl();
  expect(text.endsWith("\n")).toBe(true);
  expect(text.split("\n")).toHaveLength(sim.events.length + 1);
  const back = parseTraceJsonl(text);
  expect(back).toEqual(sim.events);
  expect(toJsonl(back)).toBe(text);
});

it("reports the line of a broken trace", () => {
  expect(() => parseTraceJsonl('{"seq":1,"t":0,"kind":"x","host":"h"}\n\nnot json\n')).toThrow(/line 3 is not JSON/);
  expect(() => parseTraceJsonl('{"seq":1,"t":0,"kind":"x"}')).toThrow(TraceParseError);
  expect(() => parseTraceJsonl('{"seq":1,"t":0,"kind":"x","host":"h","o":{}}')).toThrow(/field "o"/);
  expect(parseTraceJsonl("")).toEqual([]);
});
