import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { REALTIME_ADDRESSES } from "../../src/renoise/osc-server/index.js";
import { startOscServer } from "../../src/tool/osc-server.js";

const DOC = readFileSync(new URL("../../docs/builtin-osc.md", import.meta.url), "utf8");
const ROWS = [...DOC.matchAll(/^\| `(\/renoise\/[^`]+)` \| ([^|]*) \| [^|]* \| `([^`]+)` \|$/gm)].map((m) => ({
  address: m[1]!,
  args: m[2]!.trim(),
  spec: m[3]!,
}));

describe("docs/builtin-osc.md lists exactly the messages the server handles", () => {
  it("has one row per available message and realtime trigger, with its argument types", async () => {
    const sim = createSimulation({ seed: 1 });
    const server = await startOscServer(sim);
    const available = server.availableMessages();
    server.stop();
    const documented = new Map(ROWS.map((r) => [r.address, r.args]));
    expect([...documented.keys()].sort()).toEqual([...available.map((m) => m.name), ...REALTIME_ADDRESSES].sort());
    for (const m of available) expect(documented.get(m.name), m.name).toBe(m.arguments.length ? m.arguments.join(", ") : "—");
  });

  it("names a spec file that exists and mentions the message, for every row", () => {
    expect(ROWS.length).toBeGreaterThan(50);
    for (const r of ROWS) {
      const path = new URL(`../../${r.spec}`, import.meta.url);
      expect(existsSync(path), r.spec).toBe(true);
      const text = readFileSync(path, "utf8");
      const tail = r.address.replace(/^\/renoise\/song\/(track|instrument)\/XXX(\/device\/XXX)?/, "");
      expect(text.includes(tail), `${r.spec} has no case for ${r.address}`).toBe(true);
    }
  });
});
