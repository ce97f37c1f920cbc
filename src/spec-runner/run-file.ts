import { relative, resolve } from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import { toText } from "../core/bytes.js";
import { LuaSyntaxError, type LuaInput, type LuaValue } from "../lua/index.js";
import { renderMermaid } from "../trace/mermaid.js";
import type { SpecWorld } from "./sim-binding.js";
import type { SpecStatus, SpecTestResult } from "./types.js";
import { closeWorld, loadSpec, messageOf, newWorld, tracebackOf, type LoadedSpec } from "./world.js";

/** What running one file needs from the run. */
export interface FileRunContext {
  readonly seed: number;
  readonly latency: number;
  readonly cwd: string;
  readonly toolRoot: string;
  readonly diagramDir: string | false;
  readonly traceLines: number;
  /** Decides whether the next test (by full name) runs; counts tests for sharding. */
  select(fullName: string): boolean;
  emit(result: SpecTestResult): void;
  loadError(message: string): void;
}

function slug(s: string): string {
  return s.replace(/\.lua$/, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80) || "test";
}

/** "spec/x_spec.lua:12" of the first place in `texts` that names the spec file. */
function locate(shortSrc: string, display: string, ...texts: (string | undefined)[]): { location?: string; line?: number } {
  const esc = shortSrc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`${esc}:(\\d+):`);
  for (const t of texts) {
    const m = t ? re.exec(t) : null;
    if (m) return { location: `${display}:${m[1]}`, line: Number(m[1]) };
  }
  return {};
}

/** Runs test `i` of a loaded spec to its end, doing the asynchronous work it asks for. */
async function driveTest(spec: LoadedSpec, i: number): Promise<{ status: SpecStatus; message?: string; traceback?: string }> {
  try {
    let r: LuaValue[] = spec.api.start.call(i);
    while (r[0] === "await") {
      const reply: LuaInput[] = await spec.binding.runAsync(toText(r[1] as string), r.slice(2));
      r = spec.api.resume.call(...reply);
    }
    if (r[0] === "crash") return { status: "error", message: `renoise-sim spec runner: ${toText(r[1] as string)}` };
    const status = toText(r[1] as string) as SpecStatus;
    return {
      status,
      ...(typeof r[2] === "string" ? { message: toText(r[2]) } : {}),
      ...(typeof r[3] === "string" ? { traceback: toText(r[3]) } : {}),
    };
  } catch (e) {
    return { status: "error", message: messageOf(e), traceback: tracebackOf(e) };
  }
}

/** Writes the Mermaid diagram of a failed test's world; returns its path (relative to cwd). */
function writeDiagram(ctx: FileRunContext, world: SpecWorld, display: string, fullName: string): string | undefined {
  if (ctx.diagramDir === false) return undefined;
  const dir = resolve(ctx.cwd, ctx.diagramDir);
  const path = resolve(dir, `${slug(display)}--${slug(fullName)}.md`);
  mkdirSync(dir, { recursive: true });
  const body = `# ${fullName}\n\n${display}, seed ${world.sim.seed}, ${world.sim.now} ms of virtual time.\n\n\`\`\`mermaid\n${renderMermaid(world.sim.events)}\n\`\`\`\n`;
  writeFileSync(path, body);
  return relative(ctx.cwd, path);
}

/** What Lua printed in a world (from the trace), for a spec that failed while loading. */
function printedBy(world: SpecWorld): string[] {
  return world.sim.events.filter((e) => e.kind === "lua.print").map((e) => String(e.text));
}

function tail(world: SpecWorld, n: number): string {
  return world.sim.formatTrace().split("\n").slice(-n).join("\n");
}

/**
 * Runs one spec file: loads it once to learn its tests (or, when it
 * registers none, to run it as a plain Renoise-style script), then runs
 * every selected test in a fresh world and Lua state; the first test reuses
 * the world the file was first loaded in.
 */
export async function runSpecFile(file: string, ctx: FileRunContext): Promise<void> {
  const display = relative(ctx.cwd, file) || file;
  const rel = relative(ctx.toolRoot, file);
  if (rel.startsWith("..")) {
    ctx.loadError(`${display} is not inside the tool folder ${relative(ctx.cwd, ctx.toolRoot) || "."}`);
    return;
  }
  const shortSrc = rel;
  const fresh = () => newWorld(ctx.seed, ctx.latency, ctx.toolRoot, ctx.cwd);

  const finish = (world: SpecWorld, printed: readonly string[], base: { name: string; fullName: string; line: number }, outcome: { status: SpecStatus; message?: string; traceback?: string }) => {
    const failed = outcome.status === "failure" || outcome.status === "error";
    const where = failed ? locate(shortSrc, display, outcome.message, outcome.traceback) : {};
    const result: SpecTestResult = {
      file: display,
      ...base,
      status: outcome.status,
      ...(outcome.message !== undefined ? { message: outcome.message } : {}),
      ...(where.location ? { location: where.location } : failed && base.line ? { location: `${display}:${base.line}` } : {}),
      virtualMs: world.sim.now,
      seed: world.sim.seed,
      ...(failed ? { traceTail: tail(world, ctx.traceLines) } : {}),
      ...(failed ? { diagram: writeDiagram(ctx, world, display, base.fullName) } : {}),
      ...(printed.length ? { output: [...printed] } : {}),
    };
    ctx.emit(result);
  };

  // First load: collects the tests, or is the whole run of a plain script.
  const world0 = fresh();
  let spec0: LoadedSpec;
  try {
    spec0 = await loadSpec(world0, rel);
  } catch (e) {
    if (e instanceof LuaSyntaxError) {
      ctx.loadError(`${display}: ${messageOf(e)}`);
      closeWorld(world0);
      return;
    }
    const base = { name: display, fullName: display, line: 0 };
    if (ctx.select(display)) finish(world0, printedBy(world0), base, { status: "failure", message: messageOf(e), traceback: tracebackOf(e) });
    closeWorld(world0);
    return;
  }

  const count = spec0.api.count.call()[0] as number;
  if (count === 0) {
    const base = { name: display, fullName: display, line: 0 };
    if (ctx.select(display)) {
      let outcome: { status: SpecStatus; message?: string; traceback?: string } = { status: "success" };
      try {
        world0.sim.advance(0);
      } catch (e) {
        outcome = { status: "failure", message: messageOf(e), traceback: tracebackOf(e) };
      }
      finish(world0, spec0.tool.printed, base, outcome);
    }
    closeWorld(world0, spec0.tool);
    return;
  }

  const tests: { name: string; fullName: string; pending: boolean; line: number }[] = [];
  for (let i = 1; i <= count; i++) {
    const [name, fullName, pending, , line] = spec0.api.info.call(i);
    tests.push({ name: toText(name as string), fullName: toText(fullName as string), pending: pending === true, line: line as number });
  }

  let spare: LoadedSpec | undefined = spec0;
  for (let i = 1; i <= count; i++) {
    const t = tests[i - 1]!;
    if (!ctx.select(t.fullName)) continue;
    const base = { name: t.name, fullName: t.fullName, line: t.line };
    if (t.pending) {
      ctx.emit({ file: display, ...base, status: "pending", virtualMs: 0, seed: ctx.seed });
      continue;
    }
    let spec: LoadedSpec;
    if (spare) {
      spec = spare;
      spare = undefined;
    } else {
      const world = fresh();
      try {
        spec = await loadSpec(world, rel);
      } catch (e) {
        finish(world, [], base, { status: "error", message: `loading the spec again for this test failed: ${messageOf(e)}` });
        closeWorld(world);
        continue;
      }
      if ((spec.api.count.call()[0] as number) !== count) {
        finish(world, spec.tool.printed, base, { status: "error", message: `${display} registered a different number of tests when loaded again; register tests the same way on every load` });
        closeWorld(world, spec.tool);
        continue;
      }
    }
    const outcome = await driveTest(spec, i);
    finish(spec.world, spec.tool.printed, base, outcome);
    closeWorld(spec.world, spec.tool);
  }
  if (spare) closeWorld(spare.world, spare.tool);
}
