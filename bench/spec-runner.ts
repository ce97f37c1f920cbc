/**
 * Cost of one `it` in the Lua spec runner: every test gets a fresh
 * simulation and a fresh Lua state in which the spec file runs again.
 * Run: npx tsx bench/spec-runner.ts
 *
 * Prints the wall time per test of a spec file with N trivial tests, of
 * one whose tests each load a fixture tool, and the parts a test's setup is
 * made of (fresh simulation, Lua VM with the renoise binding, the runner's
 * Lua: busted, luassert and sim).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createSimulation, loadLuaTool, runSpecs } from "../src/index.js";

const N = 40;
const dir = mkdtempSync(join(tmpdir(), "renoise-sim-bench-"));
const lines = ['describe("bench", function()'];
for (let i = 0; i < N; i++) lines.push(`  it("test ${i}", function() assert.are.equal(${i}, ${i}) end)`);
lines.push("end)");
writeFileSync(join(dir, "trivial_spec.lua"), lines.join("\n") + "\n");
const loading = ['describe("bench", function()'];
for (let i = 0; i < N; i++) loading.push(`  it("test ${i}", function() local t = sim.load_tool("${resolve("fixtures/tools/line-server")}") assert.are.equal("Line Server", t.name) end)`);
loading.push("end)");
writeFileSync(join(dir, "loading_spec.lua"), loading.join("\n") + "\n");

async function perTest(file: string): Promise<number> {
  await runSpecs([file], { diagramDir: false }); // warm up
  const t0 = performance.now();
  const s = await runSpecs([file], { diagramDir: false });
  if (s.exitCode !== 0) throw new Error(`bench spec failed: ${JSON.stringify(s.results.find((r) => r.status !== "success"))}`);
  return (performance.now() - t0) / s.results.length;
}

async function part(label: string, fn: () => Promise<void> | void): Promise<void> {
  for (let i = 0; i < 5; i++) await fn();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await fn();
  console.log(`  ${label.padEnd(52)} ${((performance.now() - t0) / N).toFixed(2)} ms`);
}

console.log(`Lua spec runner, ${N} tests per file (wall time per test):`);
console.log(`  trivial it (fresh simulation + Lua state + file re-run)  ${(await perTest(join(dir, "trivial_spec.lua"))).toFixed(2)} ms`);
console.log(`  it that loads the line-server fixture tool               ${(await perTest(join(dir, "loading_spec.lua"))).toFixed(2)} ms`);
console.log("Parts:");
await part("createSimulation()", () => void createSimulation({ seed: 1 }).dispose());
await part("loadLuaTool (fresh VM, preludes, renoise binding)", async () => {
  const sim = createSimulation({ seed: 1 });
  (await loadLuaTool(sim, { files: { "main.lua": "" } })).unload();
});

rmSync(dir, { recursive: true, force: true });
