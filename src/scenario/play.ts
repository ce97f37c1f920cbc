import { SimulationUsageError } from "../core/errors.js";
import { fromBytes, text } from "../core/bytes.js";
import { TcpClient } from "../renoise/socket/client.js";
import { identityOf } from "../renoise/socket/handle.js";
import type { FaultHandle } from "../net/rule.js";
import type { SimHost, Simulation } from "../sim/simulation.js";
import { createSimulation } from "../sim/simulation.js";
import { startResponder } from "./responders.js";
import type { PeerStep, Scenario, ScenarioPeer } from "./types.js";

/** A step whose `expect` did not match what the peer received. */
export interface ExpectationFailure {
  peer: number;
  step: number;
  expected: string;
  got: string;
}

/** Outcome of playing a scenario. */
export interface PlayResult {
  sim: Simulation;
  failures: ExpectationFailure[];
}

function hostOf(sim: Simulation, name: string): SimHost {
  try {
    return sim.getHost(name);
  } catch {
    return sim.addHost(name);
  }
}

function hexToBytes(h: string): string {
  const clean = h.replace(/\s+/g, "");
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return fromBytes(out);
}

function stepSummary(s: PeerStep): string {
  return JSON.stringify(s);
}

/**
 * Sets a scenario up in `sim`: hosts and responders now, faults and peers at
 * their times. Call before advancing the simulation (or use {@link playScenario}).
 */
export function installScenario(sim: Simulation, scenario: Scenario, failures: ExpectationFailure[] = []): void {
  for (const h of scenario.hosts ?? []) {
    const host = sim.addHost(h.name, { address: h.address, aliases: h.aliases });
    if (h.responder) startResponder(host, h.responder);
  }
  for (const f of scenario.faults ?? []) {
    const run = (): void => {
      const args = f.args ?? [];
      let handle: FaultHandle | void;
      if (f.fault.startsWith("conditions.")) {
        const name = f.fault.slice(11);
        const fn = (sim.conditions as unknown as Record<string, (...a: unknown[]) => FaultHandle>)[name];
        if (!fn) throw new SimulationUsageError(`scenario fault "${f.fault}": no such condition`);
        handle = fn.apply(sim.conditions, args);
      } else {
        const fn = (sim.faults as unknown as Record<string, (...a: unknown[]) => FaultHandle | void>)[f.fault];
        if (!fn) throw new SimulationUsageError(`scenario fault "${f.fault}": no such fault`);
        handle = fn.apply(sim.faults, args);
      }
      if (f.until !== undefined && handle && typeof handle.remove === "function") {
        const h = handle;
        sim.at(f.until, () => h.remove());
      }
    };
    if (!f.at) run();
    else sim.at(f.at, run);
  }
  (scenario.peers ?? []).forEach((p, i) => spawnPeer(sim, p, i, failures));
}

function spawnPeer(sim: Simulation, p: ScenarioPeer, index: number, failures: ExpectationFailure[]): void {
  const host = hostOf(sim, p.host);
  const [name, portText] = p.connect.split(":") as [string, string];
  const target = name === sim.host.name ? sim.host.address : name;
  sim.spawn(host, function* (peer) {
    if (p.at) yield* peer.sleep(p.at);
    const [client, err] = p.protocol === "udp"
      ? peer.Socket.create_client(target, Number(portText), 2)
      : yield* peer.connect(target, Number(portText), 1, p.timeout ?? 1000);
    if (!client) {
      sim.trace.record("scenario.note", host.name, { peer: index, note: `connect failed: ${err}` });
      return;
    }
    const steps = p.steps ?? [];
    for (let j = 0; j < steps.length; j++) {
      const s = steps[j]!;
      if ("send" in s) client.send(text(s.send));
      else if ("sendHex" in s) client.send(hexToBytes(s.sendHex));
      else if ("wait" in s) yield* peer.sleep(s.wait);
      else if ("receive" in s) {
        const [data, rerr] = yield* peer.receive(client, s.receive, s.timeout ?? 1000);
        if (s.expect !== undefined) {
          const got = data ?? `<${rerr}>`;
          if (got !== text(s.expect)) {
            failures.push({ peer: index, step: j, expected: s.expect, got });
            sim.trace.record("scenario.expect-failed", host.name, { peer: index, step: stepSummary(s), got });
          }
        }
        if (rerr !== undefined && rerr !== "timeout") return;
      } else if ("close" in s) {
        client.close();
        return;
      } else if ("reset" in s) {
        const core = identityOf(client);
        if (core instanceof TcpClient) core.abort();
        else client.close();
        return;
      }
    }
  });
}

/** A simulation configured as `scenario` says (seed, latency); `seed` overrides the scenario's. */
export function scenarioSimulation(scenario: Scenario, seed?: number): Simulation {
  return createSimulation({
    seed: seed ?? scenario.seed ?? 1,
    latency: scenario.network?.latency,
    loopbackLatency: scenario.network?.loopbackLatency,
    ...(scenario.song !== undefined ? { song: scenario.song } : {}),
    ...(scenario.semantics ? { semantics: scenario.semantics } : {}),
  });
}

/** What a scenario's `invoke` entries act on: a loaded tool (see LuaTool). */
export interface InvokeTarget {
  invokeMenu(name: string): void;
  invokeKeybinding(name: string): void;
}

/**
 * Schedules the scenario's `invoke` entries (menu entries, keybindings) on
 * `tool` at their virtual times. An entry that raises (a Lua error, an
 * unknown name) is recorded in the trace as `scenario.invoke-failed` and
 * passed to `failed`; the run goes on.
 */
export function scheduleInvocations(sim: Simulation, scenario: Scenario, tool: InvokeTarget, failed: (message: string) => void): void {
  for (const inv of scenario.invoke ?? []) {
    const what = "menu" in inv ? `menu entry "${inv.menu}"` : `keybinding "${inv.keybinding}"`;
    sim.at(inv.at ?? 0, () => {
      sim.trace.record("scenario.invoke", sim.host.name, "menu" in inv ? { menu: inv.menu } : { keybinding: inv.keybinding });
      try {
        if ("menu" in inv) tool.invokeMenu(inv.menu);
        else tool.invokeKeybinding(inv.keybinding);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        sim.trace.record("scenario.invoke-failed", sim.host.name, { what, error: msg });
        failed(`${what} failed: ${msg}`);
      }
    });
  }
}

/** Creates a simulation for `scenario`, plays it to its end and returns it. */
export function playScenario(scenario: Scenario, setup?: (sim: Simulation) => void): PlayResult {
  const sim = scenarioSimulation(scenario);
  const failures: ExpectationFailure[] = [];
  setup?.(sim);
  installScenario(sim, scenario, failures);
  if (scenario.until !== undefined) sim.advance(scenario.until);
  else sim.runUntilIdle();
  return { sim, failures };
}
