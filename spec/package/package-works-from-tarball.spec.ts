import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/cli.js";

// The published package (npm pack) holds what its README links to, a LICENSE, no CommonJS
// build of renoise-sim/vitest, and fixtures that work from the package itself.
let pkg: string;
let files: string[];

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), "renoise-sim-pack-"));
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: ROOT, encoding: "utf8" })) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  execFileSync("tar", ["-xzf", join(out, packed[0]!.filename), "-C", out]);
  pkg = join(out, "package");
  // Dependencies from this checkout, as an install would provide them.
  symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"), "dir");
}, 120_000);

const run = (args: string[]) => spawnSync(process.execPath, [join(pkg, "dist/cli.js"), ...args], { cwd: pkg, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("the packed package", () => {
  it("ships every local file the README links to, and a LICENSE", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const links = [...readme.matchAll(/\]\(((?:docs|fixtures)\/[^)#\s]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(files, link).toContain(link);
    expect(files).toContain("LICENSE");
    expect(readFileSync(join(pkg, "LICENSE"), "utf8")).toMatch(/^MIT License/);
  });

  it("has no CommonJS build of renoise-sim/vitest and no test-only fixtures", () => {
    expect(files.filter((f) => f.startsWith("dist/vitest"))).not.toContain("dist/vitest.cjs");
    expect(files.some((f) => f.startsWith("fixtures/notifiers/") || f.startsWith("fixtures/lua/"))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.repository).toBeDefined();
    expect(manifest.bugs).toBeDefined();
    expect(manifest.homepage).toBeDefined();
  });

  it("pins wasmoon to the exact version installed (the bridge reaches into its internals)", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(join(ROOT, "node_modules/wasmoon/package.json"), "utf8")) as { version: string };
    expect(manifest.dependencies.wasmoon).toBe(installed.version);
  });

  it("runs the demo, the shipped tools and the Lua test script from the package", () => {
    const demo = run(["demo"]);
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain("tcp.split");
    for (const tool of readdirSync(join(pkg, "fixtures/tools"))) {
      const r = run(["run", `fixtures/tools/${tool}`, "--quiet"]);
      expect(r.status, `${tool}: ${r.stderr}`).toBe(0);
    }
    const script = run(["test", "fixtures/lua-scripts/socket-selftest.lua"]);
    expect(script.status, script.stderr).toBe(0);
    const fuzz = run(["fuzz", "fixtures/buggy/http-one-request-per-message", "--port", "8080", "--grammar", "http", "--runs", "40"]);
    expect(fuzz.status).toBe(1);
    expect(fuzz.stdout).toContain("Replay it:");
    expect(existsSync(join(pkg, "renoise-sim-fuzz-failure.md"))).toBe(false);
  });
});
