import { buildSong, createOscApi, createSimulation, type Song } from "../src/index.js";

const { Message } = createOscApi();
import { loadLuaTool } from "../src/tool/index.js";
import { heapAfterGc } from "./machine.js";
import type { Benchmark, Row, Unavailable } from "./report.js";
import { inLoopIterations, LUA_LOOP, luaLoopRate, nsPerIteration } from "./lua-probe.js";
import { roundSamples, summarize, timeMs } from "./stats.js";

/**
 * The song from Lua: how fast a tool reads `transport.playback_pos` and sets
 * a device parameter from its socket_message, and what a 64-track song weighs.
 */
const REPS = 5;
const READS = 300_000;
const TICKS = 20_000;
const MESSAGES = 10_000;
const SET_REPS = 7;
const BEST_OF = 3;

const READER = `
local t = renoise.song().transport
function reads(n) local p for i = 1, n do p = t.playback_pos end return p.line end
function read_once() return t.playback_pos.line end
`;

async function playbackReads(): Promise<{ still: number[]; moving: number[] }> {
  const still: number[] = [];
  const moving: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": READER } });
    sim.song.transport.start(1);
    sim.advance(10);
    tool.vm.call("reads", READS); // warm-up: the VM's first loop runs before the engine optimised it
    still.push((READS / timeMs(() => tool.vm.call("reads", READS))) * 1000);
    // A read after each step of virtual time (what a polling timer does): nothing kept helps.
    const ms = timeMs(() => {
      for (let i = 0; i < TICKS; i++) {
        sim.advance(1);
        tool.vm.call("read_once");
      }
    });
    moving.push((TICKS / ms) * 1000);
    tool.unload();
    sim.dispose();
  }
  return { still, moving };
}

/** Looks the parameter up in each message, as OSC bridges do. */
const SETTER = `
local song = renoise.song()
count = 0
local server = renoise.Socket.create_server(7000)
server:run({
  socket_message = function(socket, message)
    local p = song.tracks[1].devices[1].parameters[1]
    p.value = p.value_min + (count % 100) / 100 * (p.value_max - p.value_min)
    count = count + 1
  end,
})
`;

/** Keeps the parameter from load time: only the set crosses into TypeScript. */
const KEPT_SETTER = `
local p = renoise.song():track(1).devices[1].parameters[1]
local lo, span = p.value_min, p.value_max - p.value_min
count = 0
local server = renoise.Socket.create_server(7000)
server:run({
  socket_message = function(socket, message)
    p.value = lo + (count % 100) / 100 * span
    count = count + 1
  end,
})
`;

/**
 * An OSC remote control, as such tools are written: each datagram decoded
 * with renoise.Osc, dispatched on its pattern, the parameter looked up from
 * its arguments and set from them.
 */
const OSC_SETTER = `
local song = renoise.song()
local Osc = renoise.Osc
count = 0
local server = renoise.Socket.create_server(7000)
server:run({
  socket_message = function(socket, data)
    local msg = Osc.from_binary_data(data)
    if msg and msg.pattern == "/track/device/parameter" then
      local args = msg.arguments
      local p = song.tracks[args[1].value].devices[args[2].value].parameters[args[3].value]
      p.value = p.value_min + args[4].value * (p.value_max - p.value_min)
      count = count + 1
    end
  end,
})
`;

/** The OSC packets OSC_SETTER receives: track 1, device 1, parameter 1, values 0.00-0.99. */
const OSC_PACKETS = Array.from(
  { length: 100 },
  (_, i) =>
    Message("/track/device/parameter", [
      { tag: "i", value: 1 },
      { tag: "i", value: 1 },
      { tag: "i", value: 1 },
      { tag: "f", value: i / 100 },
    ]).binary_data,
);

/** Whether this build's tracks have devices with parameters (else the parameter rows cannot run). */
function hasParameters(): boolean {
  const sim = createSimulation();
  const probe = sim.song.tracks[0] as unknown as { devices?: { parameters?: unknown[] }[] };
  const has = Boolean(probe.devices?.[0]?.parameters?.length);
  sim.dispose();
  return has;
}

/** One run: MESSAGES messages (`packets` in turn, else "x") into a tool running `source`; parameter sets per second. */
async function parameterSet(source: string, packets?: readonly string[]): Promise<number> {
  const sim = createSimulation();
  const tool = await loadLuaTool(sim, { files: { "main.lua": source } });
  const phone = sim.addHost("phone");
  const [client] = phone.Socket.create_client(sim.host.address, 7000);
  sim.runUntilIdle();
  sim.trace.enabled = false;
  const ms = timeMs(() => {
    for (let i = 0; i < MESSAGES; i++) client!.send(packets ? packets[i % packets.length]! : "x");
    sim.runUntilIdle();
  });
  const [count] = tool.vm.run("return count") as [number];
  if (count !== MESSAGES) throw new Error(`song bench: ${count} parameter sets, expected ${MESSAGES}`);
  tool.unload();
  sim.dispose();
  return (MESSAGES / ms) * 1000;
}

function songWeight(): number[] {
  const out: number[] = [];
  const keep: Song[] = [];
  for (let r = 0; r < REPS; r++) {
    const before = heapAfterGc();
    const tracks = Array.from({ length: 64 }, (_, i) => ({
      name: `Track ${i + 1}`,
      devices: ["Audio/Effects/Native/Gainer", "Audio/Effects/Native/Delay", "Audio/Effects/Native/EQ 5", "Audio/Effects/Native/Analog Filter"],
    }));
    let song: Song;
    try {
      song = buildSong({ tracks });
    } catch {
      song = buildSong({ tracks: 64 });
    }
    keep.push(song);
    out.push(heapAfterGc() - before);
  }
  keep.length = 0;
  return out;
}

export const song: Benchmark = {
  name: "song",
  title: "8. The song from Lua",
  async run() {
    const rows: (Row | Unavailable)[] = [];
    const reads = await playbackReads();
    const still = summarize(reads.still);
    rows.push({
      label: "transport.playback_pos reads from Lua, time standing (values kept by Lua)",
      unit: "reads/s",
      value: still,
      goal: { text: "≥ 1,000,000/s", met: still.median >= 1_000_000 },
    });
    rows.push({ label: "advance(1) + one playback_pos read from Lua", unit: "reads/s", value: summarize(reads.moving) });
    const looked = "device parameter set from a Lua socket_message, looked up each time (trace off)";
    const kept = "device parameter set from a Lua socket_message, parameter kept (trace off)";
    const osc = "device parameter set from an OSC message in a Lua socket_message: decoded, looked up (trace off)";
    if (!hasParameters()) {
      for (const label of [looked, kept]) rows.push({ label, unavailable: "tracks have no devices with parameters in this build", goal: "≥ 200,000/s" });
      rows.push({ label: osc, unavailable: "tracks have no devices with parameters in this build" });
    } else {
      // Two rounds first, not counted: the first ~20,000 messages of a process run at a fraction of the steady
      // speed in any tree (the engines are still optimising), as the other rows' warm-ups allow for. Then the
      // two figures in interleaved rounds, each sample the best of BEST_OF runs (see rounds in stats.ts).
      // The plain Lua loop runs in the same rounds: the reference of both rows (see lua-probe.ts).
      const sets = await roundSamples(
        SET_REPS,
        2,
        {
          looked: () => parameterSet(SETTER),
          kept: () => parameterSet(KEPT_SETTER),
          osc: () => parameterSet(OSC_SETTER, OSC_PACKETS),
          loop: luaLoopRate,
        },
        { bestOf: BEST_OF },
      );
      const loop = { label: LUA_LOOP, value: nsPerIteration(summarize(sets.loop)), unit: "ns/iteration" };
      for (const [label, samples] of [[looked, sets.looked], [kept, sets.kept]] as const) {
        const s = summarize(samples);
        rows.push({
          label,
          unit: "sets/s",
          value: s,
          reference: loop,
          ratio: summarize(inLoopIterations(samples, sets.loop)),
          ratioLabel: "cost in loop iterations",
          goal: { text: "≥ 200,000/s", met: s.median >= 200_000 },
        });
      }
      rows.push({
        label: osc,
        unit: "sets/s",
        value: summarize(sets.osc),
        reference: loop,
        ratio: summarize(inLoopIterations(sets.osc, sets.loop)),
        ratioLabel: "cost in loop iterations",
      });
    }
    const weight = summarize(songWeight());
    const withDevices = (buildSong({ tracks: 1 }).tracks[0] as unknown as { devices?: unknown[] }).devices !== undefined;
    rows.push({
      label: withDevices ? "64-track song, 4 devices a track: heap" : "64-track song (no devices in this build): heap",
      unit: "B",
      value: weight,
      goal: { text: "< 2 MiB", met: weight.median < 2 * 1024 * 1024 },
    });
    return rows;
  },
};
