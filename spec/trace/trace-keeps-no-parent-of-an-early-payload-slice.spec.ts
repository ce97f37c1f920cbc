import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { Trace, traceShape } from "../../src/core/trace.js";

// A payload may be a slice of a much longer string (a receive buffer, a
// large message cut into segments); the trace keeps what it needs of it,
// never the slice, so that the longer string is freed once the rows after
// it have been recorded. That holds for every payload row, also the last of
// the trace's first 64 (whose fields are made at once) followed by rows
// whose payloads are kept as bytes.

const SEND = traceShape("udp.send", ["n"], { payload: true });

function heapAfterGc(): number {
  v8.setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Records a slice of a fresh ~64 MB string as row `n` (the string itself is dropped on return). */
function recordSliceOfHugeString(trace: Trace, n: number): void {
  const part = "0123456789abcdef".repeat(4096); // 64 KiB
  let huge = "";
  for (let i = 0; i < 1024; i++) huge += part + String.fromCharCode(65 + (i % 26));
  huge = [huge, ""].join(""); // one flat string: a slice of it points into it
  trace.row(SEND, "h", n, huge.slice(1000, 1100));
}

describe("trace payload slices", () => {
  it("do not keep a huge string they were cut from alive once later rows are recorded", () => {
    const before = heapAfterGc();
    const trace = new Trace(() => 0);
    for (let i = 0; i < 63; i++) trace.row(SEND, "h", i, `early ${i}`);
    recordSliceOfHugeString(trace, 63); // the 64th payload row
    for (let i = 64; i < 1000; i++) trace.row(SEND, "h", i, `later ${i}`);
    const kept = heapAfterGc() - before;
    expect(trace.count).toBe(1000);
    expect(kept).toBeLessThan(16 * 1024 * 1024);
  });
});
