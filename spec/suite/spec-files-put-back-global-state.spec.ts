import { tmpdir } from "node:os";
import { realpathSync } from "node:fs";
import { expect, it, vi } from "vitest";
import { noteGlobalState, putBackGlobalState } from "../support/global-state.js";

// Spec files share worker processes, so after every file spec/support/file-hygiene.ts
// names what the file left changed and puts it back. Here: each kind of leak is named
// and undone, and a file that changes nothing passes.
it("names and puts back patched globals, fake timers, the working folder, the environment; reports added process listeners", () => {
  const saved = noteGlobalState();
  const realRandom = Math.random;
  const realSetTimeout = globalThis.setTimeout;
  const home = process.cwd();
  const listener = () => undefined;
  expect(putBackGlobalState(saved)).toEqual([]);
  try {
    Math.random = () => 0.5;
    vi.useFakeTimers();
    process.chdir(realpathSync(tmpdir()));
    process.env.RENOISE_SIM_HYGIENE_PROBE = "1";
    process.on("SIGTERM", listener);
    const left = putBackGlobalState(saved);
    expect(left).toEqual([
      "fake timers still installed (call vi.useRealTimers())",
      "Math.random replaced",
      `working folder changed to ${realpathSync(tmpdir())}`,
      "environment variable RENOISE_SIM_HYGIENE_PROBE changed",
      '1 process "SIGTERM" listener(s) added',
    ]);
    expect(Math.random).toBe(realRandom);
    expect(globalThis.setTimeout).toBe(realSetTimeout);
    expect(process.cwd()).toBe(home);
    expect(process.env.RENOISE_SIM_HYGIENE_PROBE).toBeUndefined();
  } finally {
    Math.random = realRandom;
    vi.useRealTimers();
    process.chdir(home);
    delete process.env.RENOISE_SIM_HYGIENE_PROBE;
    process.off("SIGTERM", listener);
  }
  expect(putBackGlobalState(saved)).toEqual([]);
});
