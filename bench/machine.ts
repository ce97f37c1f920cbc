import os from "node:os";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";

/** The machine a run measured, as printed at the top and in docs/performance.md. */
export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? "unknown CPU";
  const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  return `${cpus.length} cores, ${model}, Node ${process.version}, ${os.platform()} ${os.arch()}, load average ${load}`;
}

let gcFn: (() => void) | undefined;

/**
 * A full garbage collection. Uses `global.gc` when node runs with
 * `--expose-gc`; otherwise turns the flag on at run time.
 */
export function collectGarbage(): void {
  if (!gcFn) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) gcFn = exposed;
    else {
      v8.setFlagsFromString("--expose-gc");
      gcFn = runInNewContext("gc") as () => void;
    }
  }
  gcFn();
  gcFn();
}

/** Heap in use after a full collection, in bytes. */
export function heapAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
