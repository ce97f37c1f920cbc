import { buildSong, createSimulation, type Song } from "../src/index.js";
import { loadLuaTool } from "../src/tool/index.js";
import { heapAfterGc } from "./machine.js";
import type { Benchmark, Row, Unavailable } from "./report.js";
import { summarize, timeMs } from "./stats.js";

/**
 * Pattern data from Lua and in memory: 1M note-column writes, pattern_iterator
 * passes (lines, visible note columns) over a 64-track × 512-line pattern, and
 * the weight of a 256-pattern × 16-track song that is mostly empty.
 */
const REPS = 3;
const BEST_OF = 3;
const WRITES = 1_000_000;

// Each write a different line and value, so every write changes a cell.
const WRITER = `
local track = renoise.song():pattern(1):track(1)
local columns = {}
for l = 1, 64 do columns[l] = track:line(l):note_column(1) end
function write(n)
  for i = 1, n do
    columns[i % 64 + 1].note_value = i % 120
  end
end
`;

async function noteWrites(): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const sim = createSimulation();
    sim.trace.enabled = false;
    const tool = await loadLuaTool(sim, { files: { "main.lua": WRITER } });
    tool.vm.call("write", 10_000); // warm-up
    out.push(timeMs(() => tool.vm.call("write", WRITES)));
    tool.unload();
    sim.dispose();
  }
  return out;
}

const ITERATOR = `
function walk()
  local n = 0
  for pos, line in renoise.song().pattern_iterator:lines_in_pattern(1) do n = n + 1 end
  return n
end
`;

// Every track's visible note columns (one on a new sequencer track, none on the master).
const COLUMNS = `
function walk()
  local n = 0
  for pos, column in renoise.song().pattern_iterator:note_columns_in_pattern(1, true) do n = n + 1 end
  return n
end
`;

/** One pass of `walk` in a fresh 64-track × 512-line song and tool: ms. */
async function iterateOnce(source: string, expected: number): Promise<number> {
  const sim = createSimulation({ song: { tracks: 63, patterns: [512] } });
  sim.trace.enabled = false;
  const tool = await loadLuaTool(sim, { files: { "main.lua": source } });
  let n = 0;
  const ms = timeMs(() => {
    [n] = tool.vm.call("walk") as [number];
  });
  if (n !== expected) throw new Error(`patterns bench: iterated ${n} steps, expected ${expected}`);
  tool.unload();
  sim.dispose();
  return ms;
}

/** REPS samples, each the fastest of BEST_OF passes (see RepOptions in stats.ts). */
async function iterate(source = ITERATOR, expected = 64 * 512): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < REPS; r++) {
    let best = Infinity;
    for (let k = 0; k < BEST_OF; k++) best = Math.min(best, await iterateOnce(source, expected));
    out.push(best);
  }
  return out;
}

function songWeight(): number[] {
  const out: number[] = [];
  const keep: Song[] = [];
  for (let r = 0; r < REPS; r++) {
    const before = heapAfterGc();
    const song = buildSong({ tracks: 15, patterns: 256 });
    // Mostly empty: a note every 16 lines on the first track of each pattern, every track touched once.
    for (const p of song.patterns) {
      for (const t of p.tracks) void t.is_empty;
      const first = p.track(1);
      for (let l = 1; l <= 64; l += 16) first.line(l).note_column(1).note_value = 48;
    }
    keep.push(song);
    out.push(heapAfterGc() - before);
  }
  keep.length = 0;
  return out;
}

export const patterns: Benchmark = {
  name: "patterns",
  title: "9. Pattern data",
  async run() {
    const rows: (Row | Unavailable)[] = [];
    const w = summarize(await noteWrites());
    rows.push({
      label: "1M note_value writes from Lua (trace off)",
      unit: "ms",
      value: w,
      goal: { text: "≤ 2,000 ms", met: w.median <= 2000 },
    });
    const it = summarize(await iterate());
    rows.push({
      label: "pattern_iterator:lines_in_pattern over 64 tracks × 512 lines",
      unit: "ms",
      value: it,
      goal: { text: "< 100 ms", met: it.median < 100 },
    });
    rows.push({
      label: "pattern_iterator:note_columns_in_pattern(visible) over 64 tracks × 512 lines",
      unit: "ms",
      value: summarize(await iterate(COLUMNS, 63 * 512)),
    });
    const weight = summarize(songWeight());
    rows.push({
      label: "256 patterns × 64 lines × 16 tracks, mostly empty: heap",
      unit: "B",
      value: weight,
      goal: { text: "< 20 MiB", met: weight.median < 20 * 1024 * 1024 },
    });
    return rows;
  },
};
