import { describe, expect, it } from "vitest";
import { createSimulation, renderMermaid } from "../../src/index.js";

describe("song events in the Mermaid diagram", () => {
  it("song.set and song.call are notes over the tool host; omit leaves them out", () => {
    const sim = createSimulation({ seed: 1 });
    sim.song.transport.bpm = 132;
    sim.song.transport.start(1);
    const diagram = renderMermaid(sim.events);
    expect(diagram).toContain("song.transport.bpm = 132 (was 120)");
    expect(diagram).toContain("song.transport.start(1)");
    const without = renderMermaid(sim.events, { omit: ["song.set", "song.call"] });
    expect(without).not.toContain("song.transport");
  });
});
