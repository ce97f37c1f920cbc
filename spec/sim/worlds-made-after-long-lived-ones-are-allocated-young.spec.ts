import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// V8 decides per allocation site (each `{}` or `[]` literal, each `new Array()`) whether its objects live long.
// Once a process has kept enough of one site's objects through young-generation collections, it allocates that
// site's later objects in the old generation for good. An old object of a finished simulation that holds on to the
// rest of it then keeps the whole simulation alive through every young-generation collection until a full one: a
// fuzz campaign run after a large simulation ran at half its speed (docs/performance.md, nineteenth round). The
// objects a simulation keeps that hold on to other parts of it are class instances or made by builtins, which V8
// does not watch (src/core/site-free.ts). This asks V8 where each was allocated, in a child process run with
// --allow-natives-syntax and --predictable (one thread: V8's decisions vary less from run to run).

const ROOT = resolve(import.meta.dirname, "../..");
const src = (p: string): string => JSON.stringify(pathToFileURL(join(ROOT, "src", p)).href);

const SCRIPT = `
const { createSimulation } = await import(${src("index.js")});
const { internalsOf } = await import(${src("renoise/socket/socket-api.js")});
const young = new Function("o", "return %InYoungGeneration(o)");

let lastPeer;

/** A simulation with a server, a connected client, a message each way, a pending event, a tool timer and a peer. */
function world() {
  const sim = createSimulation();
  const [server] = sim.host.Socket.create_server(7000);
  server.run({ socket_message: (c, m) => c.send(m) });
  const [client] = sim.addHost("phone").Socket.create_client(sim.host.address, 7000);
  client.send("ping");
  sim.runUntilIdle();
  client.receive("*all", 100);
  sim.schedule(1000, () => undefined);
  sim.toolTimeout(() => undefined, 1000);
  sim.spawn("phone", function* (peer) { lastPeer = peer; yield* peer.sleep(5000); });
  sim.advance(1);
  return sim;
}

/** What a simulation keeps that holds on to other parts of it. */
function held(sim) {
  const net = sim.network;
  let event;
  sim.time.scheduler.forEachPending((e) => { if (!(e.constructor && e.constructor.name === "WirePacket")) event = e; });
  const phone = sim.getHost("phone");
  return {
    "a host's record (sim.addHost)": phone,
    "a host's renoise.Socket": phone.Socket,
    "its internals": internalsOf(phone.Socket),
    "sim.renoise": sim.renoise,
    "the sockets' context": sim.ctx,
    "the faults' context": sim.faults.ctx,
    "the peers' host": sim.peers.host,
    "the waiting peers": sim.peers.waiters,
    "the network's host list": net.hostList,
    "the network's send taps": net.sendTaps,
    "the network's held packets": net.held,
    "a connection's ends": [...net.connections.values()][0],
    "a GUI thread's queue": net.hostList[0].gui.items,
    "a GUI thread's frames": net.hostList[0].gui.frames,
    "the event heap": sim.time.scheduler.heap,
    "the event lane": sim.time.scheduler.lane,
    "a scheduled event": event,
    "a tool timer": sim.toolTimeout(() => undefined, 10),
    "the trace's listeners": sim.trace.listeners,
    "the trace's cause listeners": sim.trace.causeListeners,
    "a payload's trace fields": sim.trace.lastFields,
    "the trace's payload store": sim.trace.payloads,
    "the partitions": sim.faults.partitions,
    "the link rules": net.links.rules.rules,
    "a peer (sim.spawn)": lastPeer,
  };
}

// Keep many worlds through young-generation collections, and beside each 20 objects of one literal (the control):
// V8 decides for a site when at least 100 of its objects were made since the last collection and most still live.
const kept = [];
function keep(sim) {
  for (let k = 0; k < 20; k++) kept.push({ sim });
}
for (let i = 0; i < 2000; i++) keep(world());
keep(undefined);
const out = { control: young(kept.at(-1)) };
for (const [name, o] of Object.entries(held(world()))) out[name] = o === undefined ? "missing" : young(o);
console.log(JSON.stringify(out));
`;

describe("objects a simulation keeps", () => {
  it("are allocated young after the process kept thousands like them (V8's allocation-site pretenuring)", () => {
    const r = spawnSync(
      process.execPath,
      // The young generation's size set, and NODE_OPTIONS cleared: with a 32 MB semi-space V8 pretenures nothing here.
      ["--allow-natives-syntax", "--predictable", "--max-semi-space-size=16", "--import", join(ROOT, "bench/ts-loader.mjs"), "--input-type=module", "-e", SCRIPT],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, NODE_OPTIONS: "" } },
    );
    if (r.error || r.status !== 0) throw new Error(`child process failed: ${r.error?.message ?? String(r.status)}\n${r.stderr}`);
    const { control, ...rest } = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Record<string, boolean | string>;
    // A literal kept like the worlds is allocated old: else V8 made no such decision here and this would test nothing.
    expect(control, "V8 did not pretenure the control literal: this check would test nothing").toBe(false);
    expect(Object.keys(rest)).toHaveLength(25);
    for (const [name, isYoung] of Object.entries(rest)) expect(isYoung, name).toBe(true);
  }, 180_000);
});
