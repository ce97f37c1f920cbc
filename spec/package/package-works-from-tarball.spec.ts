import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import * as tstl from "typescript-to-lua";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, spawnNode } from "../support/cli.js";

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

/** Runs the packed binary from the package folder; independent runs go at once. */
const run = (args: string[]) => spawnNode(join(pkg, "dist/cli.js"), args, pkg);

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

  it("runs the demo, the shipped tools and the Lua test script from the package", async () => {
    const tools = readdirSync(join(pkg, "fixtures/tools"));
    const [demo, script, fuzz, ...runs] = await Promise.all([
      run(["demo"]),
      run(["test", "fixtures/lua-scripts/socket-selftest.lua"]),
      run(["fuzz", "fixtures/buggy/http-one-request-per-message", "--port", "8080", "--grammar", "http", "--runs", "40"]),
      ...tools.map((tool) => run(["run", `fixtures/tools/${tool}`, "--quiet"])),
    ]);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("tcp.split");
    expect(runs).toHaveLength(tools.length);
    runs.forEach((r, i) => expect(r.code, `${tools[i]}: ${r.stderr}`).toBe(0));
    expect(script.code, script.stderr).toBe(0);
    expect(fuzz.code).toBe(1);
    expect(fuzz.stdout).toContain("Replay it:");
    expect(existsSync(join(pkg, "renoise-sim-fuzz-failure.md"))).toBe(false);
  });

  it("gives TypeScriptToLua users renoise-sim/tstl with the setup docs/tstl.md shows", () => {
    expect(files).toContain("tstl/index.d.ts");
    // A fresh project: renoise-sim installed from the tarball, the guide's tsconfig verbatim.
    const project = mkdtempSync(join(tmpdir(), "renoise-sim-tstl-user-"));
    mkdirSync(join(project, "node_modules/@typescript-to-lua"), { recursive: true });
    symlinkSync(pkg, join(project, "node_modules/renoise-sim"), "dir");
    symlinkSync(join(ROOT, "node_modules/@typescript-to-lua/language-extensions"), join(project, "node_modules/@typescript-to-lua/language-extensions"), "dir");
    const guide = readFileSync(join(ROOT, "docs/tstl.md"), "utf8");
    const tsconfig = /`tsconfig.json` of the tool:\n\n```json\n([\s\S]*?)```/.exec(guide)![1]!;
    writeFileSync(join(project, "tsconfig.json"), tsconfig);
    mkdirSync(join(project, "src"));
    for (const f of ["echo.ts", "main.ts"]) copyFileSync(join(ROOT, "examples/tstl-tool/src", f), join(project, "src", f));
    const result = tstl.transpileProject(join(project, "tsconfig.json"));
    expect(result.diagnostics.map((d) => tstlMessage(d.messageText))).toEqual([]);
    expect(readFileSync(join(project, "com.you.EchoTool.xrnx/echo.lua"), "utf8")).toContain("renoise.Socket.create_server(port, renoise.Socket.PROTOCOL_TCP)");
  });
});

function tstlMessage(m: string | { messageText: string }): string {
  return typeof m === "string" ? m : m.messageText;
}
