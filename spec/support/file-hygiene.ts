import { afterAll, beforeAll } from "vitest";
import { noteGlobalState, putBackGlobalState, type GlobalState } from "./global-state.js";

// Spec files share worker processes (vitest.config.ts: isolate false), so a file that leaves
// a global patched, the working folder changed, the environment edited, fake timers on or a
// process listener behind would change the files that run after it. This setup file runs
// for every spec file: it notes that state before the file and fails the file, naming what
// it left behind, if anything differs after it (and puts it back, so one leak does not
// fail the rest of the worker's files).

let saved: GlobalState | undefined;

beforeAll(() => {
  saved = noteGlobalState();
});

afterAll(() => {
  if (!saved) return;
  const left = putBackGlobalState(saved);
  saved = undefined;
  if (left.length > 0) throw new Error(`this spec file leaves global state behind for the next file in its worker: ${left.join("; ")}`);
});
