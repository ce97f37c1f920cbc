import { afterAll, beforeAll, vi } from "vitest";

// Spec files share worker processes (vitest.config.ts: isolate false), so a file that leaves
// a global patched, the working folder changed, the environment edited, fake timers on or a
// process listener behind would change the files that run after it. This setup file runs
// for every spec file: it notes that state before the file and fails the file, naming what
// it left behind, if anything differs after it (then puts it back, so one leak does not
// fail the rest of the worker's files).

type Patchable = [owner: object, key: string, label: string];

const PATCHABLE: Patchable[] = [
  [globalThis, "setTimeout", "setTimeout"],
  [globalThis, "clearTimeout", "clearTimeout"],
  [globalThis, "setInterval", "setInterval"],
  [globalThis, "clearInterval", "clearInterval"],
  [globalThis, "setImmediate", "setImmediate"],
  [globalThis, "clearImmediate", "clearImmediate"],
  [globalThis, "queueMicrotask", "queueMicrotask"],
  [globalThis, "Date", "Date"],
  [Date, "now", "Date.now"],
  [Math, "random", "Math.random"],
  [performance, "now", "performance.now"],
  [console, "log", "console.log"],
  [console, "error", "console.error"],
  [console, "warn", "console.warn"],
  [process.stdout, "write", "process.stdout.write"],
  [process.stderr, "write", "process.stderr.write"],
  [(globalThis as unknown as { WebAssembly: object }).WebAssembly, "instantiate", "WebAssembly.instantiate"],
];

const EVENTS = ["exit", "beforeExit", "SIGINT", "SIGTERM", "uncaughtException", "unhandledRejection", "warning"] as const;

let saved: { values: unknown[]; cwd: string; env: Record<string, string | undefined>; listeners: number[]} | undefined;

beforeAll(() => {
  saved = {
    values: PATCHABLE.map(([o, k]) => (o as Record<string, unknown>)[k]),
    cwd: process.cwd(),
    env: { ...process.env },
    listeners: EVENTS.map((e) => process.listenerCount(e)),
  };
});

afterAll(() => {
  if (!saved) return;
  const left: string[] = [];
  if (vi.isFakeTimers()) {
    left.push("fake timers still installed (call vi.useRealTimers())");
    vi.useRealTimers();
  }
  PATCHABLE.forEach(([o, k, label], i) => {
    const before = saved!.values[i];
    if ((o as Record<string, unknown>)[k] !== before) {
      left.push(`${label} replaced`);
      (o as Record<string, unknown>)[k] = before;
    }
  });
  if (process.cwd() !== saved.cwd) {
    left.push(`working folder changed to ${process.cwd()}`);
    process.chdir(saved.cwd);
  }
  const keys = new Set([...Object.keys(saved.env), ...Object.keys(process.env)]);
  for (const k of keys) {
    if (process.env[k] === saved.env[k]) continue;
    left.push(`environment variable ${k} changed`);
    if (saved.env[k] === undefined) delete process.env[k];
    else process.env[k] = saved.env[k];
  }
  EVENTS.forEach((e, i) => {
    const n = process.listenerCount(e);
    if (n > saved!.listeners[i]!) left.push(`${n - saved!.listeners[i]!} process "${e}" listener(s) added`);
  });
  saved = undefined;
  if (left.length > 0) throw new Error(`this spec file leaves global state behind for the next file in its worker: ${left.join("; ")}`);
});
