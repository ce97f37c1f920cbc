import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, spawnNode, tmp } from "../support/cli.js";

// The CommonJS dependencies a process may never need are loaded on first use, not when
// renoise-sim is imported: wasmoon with the first Lua VM, @sinonjs/fake-timers with a
// simulation's clock, ajv with the first scenario file checked, luaparse when the 5.1 front
// end's last resort runs. (Each cost tens of milliseconds of every process's start.)
const WATCHED = ["luaparse", "@sinonjs/fake-timers", "ajv", "wasmoon"];

/** A preload that prints, at exit, which of WATCHED the process loaded. */
function preload(dir: string): string {
  const file = join(dir, "loaded.cjs");
  writeFileSync(
    file,
    `process.on("exit", () => {
  const keys = Object.keys(require("node:module")._cache);
  const loaded = ${JSON.stringify(WATCHED)}.filter((n) => keys.some((k) => k.includes("/node_modules/" + n + "/")));
  process.stderr.write("LOADED " + JSON.stringify(loaded) + "\\n");
});\n`,
  );
  return file;
}

/** Runs `script` (an ES module's text) with the preload; the packages it loaded. */
async function loadedBy(script: string): Promise<string[]> {
  const dir = tmp();
  const main = join(dir, "main.mjs");
  writeFileSync(main, script);
  const r = await spawnNode(main, [], dir, { NODE_OPTIONS: `--require ${preload(dir)}` });
  expect(r.code, r.stderr).toBe(0);
  const line = r.stderr.split("\n").find((l) => l.startsWith("LOADED "));
  return JSON.parse(line!.slice("LOADED ".length)) as string[];
}

const INDEX = pathToFileURL(join(ROOT, "dist/index.js")).href;

describe("optional dependencies load on first use", () => {
  it("importing renoise-sim loads none of them; a clock loads fake-timers, a Lua tool wasmoon", async () => {
    const [none, clock, lua] = await Promise.all([
      loadedBy(`await import(${JSON.stringify(INDEX)});`),
      loadedBy(`const m = await import(${JSON.stringify(INDEX)}); m.createSimulation().clock.now;`),
      loadedBy(`const m = await import(${JSON.stringify(INDEX)}); (await m.loadLuaTool(m.createSimulation(), { files: { "main.lua": "x = 1" } })).unload();`),
    ]);
    expect(none).toEqual([]);
    expect(clock).toEqual(["@sinonjs/fake-timers"]);
    expect(lua).toEqual(["wasmoon"]);
  });

  it("the command line's help loads none of them", async () => {
    const dir = tmp();
    const r = await spawnNode(join(ROOT, "dist/cli.js"), ["--help"], dir, { NODE_OPTIONS: `--require ${preload(dir)}` });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("LOADED []");
  });
});
