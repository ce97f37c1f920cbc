import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "../../src/cli/run-cli.js";
import { makeTerm } from "../../src/cli/term.js";

export const ROOT = resolve(import.meta.dirname, "../..");

/** What a CLI run printed and its exit code. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Colour variables as the specs' runs see them: no colour unless the spec asks for it. */
function colorEnv(env: Record<string, string | undefined>): { FORCE_COLOR?: string; NO_COLOR?: string } {
  const merged: Record<string, string | undefined> = { FORCE_COLOR: undefined, NO_COLOR: "1", ...env };
  const out: { FORCE_COLOR?: string; NO_COLOR?: string } = {};
  if (merged.FORCE_COLOR !== undefined) out.FORCE_COLOR = merged.FORCE_COLOR;
  if (merged.NO_COLOR !== undefined) out.NO_COLOR = merged.NO_COLOR;
  return out;
}

/**
 * Runs the CLI's own entry function (runCli, as src/cli/main.ts calls it) in this
 * process, from folder `cwd`, with the colour variables of `env`; not a terminal, so
 * no colour unless FORCE_COLOR asks. The same code as the built binary without a
 * process start per call; {@link cliSpawn} runs the binary itself. The working folder
 * is put back before this returns (spec files share worker processes).
 */
export async function cli(args: string[], cwd = ROOT, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const term = makeTerm({
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: colorEnv(env),
  });
  const home = process.cwd();
  process.chdir(cwd);
  try {
    const code = await runCli(args, term);
    return { code, stdout, stderr };
  } finally {
    process.chdir(home);
  }
}

function spawnOptions(cwd: string, env: Record<string, string | undefined>) {
  return { cwd, env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: "1", ...env } };
}

/** Runs the built CLI (node dist/cli.js) as a user would; not a terminal, so no colour. */
export function cliSpawn(args: string[], cwd = ROOT, env: Record<string, string | undefined> = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), ...args], { ...spawnOptions(cwd, env), encoding: "utf8", timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `node <script> args` without blocking this process, so several runs of the built
 * CLI proceed at once; resolves when it exits.
 */
export function spawnNode(script: string, args: string[], cwd = ROOT, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { ...spawnOptions(cwd, env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** A fresh temporary folder. */
export function tmp(): string {
  return mkdtempSync(join(tmpdir(), "renoise-sim-cli-"));
}
