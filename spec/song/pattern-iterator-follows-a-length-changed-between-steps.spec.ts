import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A line walker kept by the tool across calls into Lua: the pattern's length is changed from
// TypeScript between two steps, and the walker follows the new length at its next step (the walker
// reads number_of_lines again only when the values Lua keeps were emptied, which a model change
// between two entries into Lua does).
const TOOL = `
local walker
function start() walker = renoise.song().pattern_iterator:lines_in_pattern(1) end
function step()
  local pos = walker()
  if pos == nil then return "end" end
  return pos.track .. ":" .. pos.line
end
`;

async function steps(lines: number, before: number, resizeTo: number): Promise<string[]> {
  const sim = createSimulation({ song: { tracks: 1, patterns: [lines] } });
  const t = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  t.vm.call("start");
  const out: string[] = [];
  for (let k = 0; k < before; k++) out.push(t.vm.call("step")[0] as string);
  sim.song.patterns[0]!.number_of_lines = resizeTo;
  for (;;) {
    const s = t.vm.call("step")[0] as string;
    out.push(s);
    if (s === "end") break;
  }
  t.unload();
  return out;
}

describe("pattern_iterator: a length changed from TypeScript between two steps", () => {
  it("a shortened pattern ends the track's walk at the new end", async () => {
    expect(await steps(4, 2, 2)).toEqual(["1:1", "1:2", "2:1", "2:2", "end"]);
  });

  it("a lengthened pattern walks on to the new end", async () => {
    expect(await steps(2, 1, 3)).toEqual(["1:1", "1:2", "1:3", "2:1", "2:2", "2:3", "end"]);
  });
});
