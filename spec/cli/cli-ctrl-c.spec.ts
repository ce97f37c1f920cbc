import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../support/cli.js";

// Ctrl-C during a fuzz campaign prints how far it got and its seed, and exits 130.
it("reports the campaign's progress and seed on Ctrl-C and exits 130", async () => {
  const child = spawn(process.execPath, [join(ROOT, "dist/cli.js"), "fuzz", "fixtures/tools/http-server", "--port", "8080", "--runs", "100000", "--seed", "42"], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stderr = "";
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  await new Promise<void>((started) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes("seed 42\n")) started();
    });
  });
  child.kill("SIGINT");
  expect(await exited).toBe(130);
  expect(stderr).toMatch(/interrupted: fuzz got through \d+ of 100000 scenarios without a failure \(seed 42\)/);
});
