import { vi } from "vitest";

// What a spec file could leave behind for the next file in its worker process
// (vitest.config.ts: isolate false): the globals the simulation and the specs patch,
// the working folder, the environment, fake timers, process listeners.

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

/** The shared state at one moment. */
export interface GlobalState {
  values: unknown[];
  cwd: string;
  env: Record<string, string | undefined>;
  listeners: number[];
}

/** Notes the shared state now. */
export function noteGlobalState(): GlobalState {
  return {
    values: PATCHABLE.map(([o, k]) => (o as Record<string, unknown>)[k]),
    cwd: process.cwd(),
    env: { ...process.env },
    listeners: EVENTS.map((e) => process.listenerCount(e)),
  };
}

/**
 * Compares the shared state with `saved`: returns what differs, one phrase each, and
 * puts back what it can (globals, fake timers, working folder, environment; added
 * process listeners are only reported, as they cannot be told from vitest's own).
 */
export function putBackGlobalState(saved: GlobalState): string[] {
  const left: string[] = [];
  if (vi.isFakeTimers()) {
    left.push("fake timers still installed (call vi.useRealTimers())");
    vi.useRealTimers();
  }
  PATCHABLE.forEach(([o, k, label], i) => {
    const before = saved.values[i];
    if ((o as Record<string, unknown>)[k] !== before) {
      left.push(`${label} replaced`);
      (o as Record<string, unknown>)[k] = before;
    }
  });
  if (process.cwd() !== saved.cwd) {
    left.push(`working folder changed to ${process.cwd()}`);
    process.chdir(saved.cwd);
  }
  for (const k of new Set([...Object.keys(saved.env), ...Object.keys(process.env)])) {
    if (process.env[k] === saved.env[k]) continue;
    left.push(`environment variable ${k} changed`);
    if (saved.env[k] === undefined) delete process.env[k];
    else process.env[k] = saved.env[k];
  }
  EVENTS.forEach((e, i) => {
    const added = process.listenerCount(e) - saved.listeners[i]!;
    if (added > 0) left.push(`${added} process "${e}" listener(s) added`);
  });
  return left;
}
