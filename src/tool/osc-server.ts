import { readFileSync } from "node:fs";
import { toText } from "../core/bytes.js";
import { SimulationUsageError } from "../core/errors.js";
import { LuaError, LuaRef, type LuaValue } from "../lua/index.js";
import {
  BUILTIN_OSC_ACTIONS_LUA,
  RenoiseOscServer,
  type ActionResult,
  type OscActionsRunner,
  type OscRealtimeSong,
  type OscServerOptions,
} from "../renoise/osc-server/index.js";
import type { OscValue } from "../renoise/osc/types.js";
import type { Simulation } from "../sim/simulation.js";
import { loadLuaTool, type LuaTool } from "./tool.js";

/** Options of {@link startOscServer}. */
export interface StartOscServerOptions extends OscServerOptions {
  /**
   * A user's own global OSC actions file (path of a Lua file defining
   * `process_message` and `available_messages`, like Renoise's
   * GlobalOscActions.lua), run instead of the built-in actions.
   */
  actions?: string;
}

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<RenoiseScriptingTool doc_version="0">
  <ApiVersion>6.2</ApiVersion>
  <Id>com.renoise.GlobalOscActions</Id>
  <Name>Global OSC Actions</Name>
</RenoiseScriptingTool>
`;

const servers = new WeakMap<Simulation, RenoiseOscServer>();

/** The OSC server started in `sim` with {@link startOscServer}, if any. */
export function oscServerOf(sim: Simulation): RenoiseOscServer | undefined {
  return servers.get(sim);
}

function text(v: LuaValue): string | undefined {
  return typeof v === "string" ? toText(v) : undefined;
}

/** Runs the actions script in its own Lua VM (bound to the simulation's song). */
class LuaActionsRunner implements OscActionsRunner {
  constructor(private readonly tool: LuaTool) {}

  process(pattern: string, args: readonly OscValue[]): ActionResult {
    const table = args.map((a) => ({ tag: a.tag, value: a.value ?? null }));
    try {
      const [handled, reason] = this.tool.vm.call("process_message", pattern, table);
      if (handled === true) return { handled: true };
      const why = text(reason);
      return why !== undefined ? { handled: false, reason: why } : { handled: false };
    } catch (e) {
      if (e instanceof LuaError) return { error: toText(e.luaMessage) };
      throw e;
    }
  }

  availableMessages(): Array<{ name: string; description: string; arguments: string[] }> {
    const [list] = this.tool.vm.call("available_messages");
    if (!(list instanceof LuaRef)) return [];
    try {
      const out: Array<{ name: string; description: string; arguments: string[] }> = [];
      for (let i = 1; ; i++) {
        const row = list.get(i);
        if (!(row instanceof LuaRef)) break;
        try {
          const args: string[] = [];
          const a = row.get("arguments");
          if (a instanceof LuaRef) {
            for (let k = 1; ; k++) {
              const v = a.get(k);
              if (v === undefined) break;
              args.push(text(v) ?? (typeof v === "number" || typeof v === "boolean" ? String(v) : "?"));
            }
            a.release();
          }
          out.push({ name: text(row.get("name")) ?? "", description: text(row.get("description")) ?? "", arguments: args });
        } finally {
          row.release();
        }
      }
      return out;
    } finally {
      list.release();
    }
  }

  dispose(): void {
    this.tool.unload();
  }
}

/**
 * Enables Renoise's built-in OSC server in `sim` (off by default, as in
 * Renoise): listens on the Renoise host (`sim.host`) on `port` (default 8000)
 * over UDP (default) or TCP, and runs the built-in global OSC actions — or
 * the user's `actions` file — against the simulation's song.
 */
export async function startOscServer(sim: Simulation, options: StartOscServerOptions = {}): Promise<RenoiseOscServer> {
  if (servers.has(sim)) {
    throw new SimulationUsageError("startOscServer: this simulation's OSC server is already running; stop() it first");
  }
  if (options.protocol !== undefined && options.protocol !== "udp" && options.protocol !== "tcp") {
    throw new SimulationUsageError(`startOscServer: protocol must be "udp" or "tcp", got ${JSON.stringify(options.protocol)}`);
  }
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 1 && options.port <= 65535)) {
    throw new SimulationUsageError(`startOscServer: port must be an integer 1..65535, got ${String(options.port)}`);
  }
  if (options.triggerIndexBase !== undefined && options.triggerIndexBase !== 0 && options.triggerIndexBase !== 1) {
    throw new SimulationUsageError("startOscServer: triggerIndexBase must be 0 or 1");
  }
  const source = options.actions !== undefined ? readActions(options.actions) : BUILTIN_OSC_ACTIONS_LUA;
  const tool = await loadLuaTool(sim, { files: { "main.lua": source, "manifest.xml": MANIFEST } });
  const runner = new LuaActionsRunner(tool);
  for (const fn of ["process_message", "available_messages"]) {
    if (!(tool.vm.getGlobal(fn) instanceof LuaRef)) {
      runner.dispose();
      throw new SimulationUsageError(
        `startOscServer: the actions file ${options.actions ?? "(built in)"} does not define the global function ${fn}(); ` +
          "Renoise's OSC server calls process_message(pattern, arguments) and available_messages()",
      );
    }
  }
  const server = new RenoiseOscServer(
    {
      socket: sim.renoise.Socket,
      trace: sim.trace,
      host: sim.host.name,
      now: () => sim.now,
      song: () => realtimeSong(sim),
    },
    runner,
    options,
  );
  const err = server.start();
  if (err !== undefined) {
    runner.dispose();
    throw new SimulationUsageError(`startOscServer: cannot listen on port ${server.port} (${server.protocol}): ${err}`);
  }
  servers.set(sim, server);
  const stop = server.stop.bind(server);
  server.stop = () => {
    servers.delete(sim);
    stop();
  };
  return server;
}

function readActions(path: string): string {
  try {
    return readFileSync(path, "latin1");
  } catch (e) {
    throw new SimulationUsageError(`startOscServer: cannot read the actions file ${path}: ${(e as Error).message}`);
  }
}

/** The song as the realtime triggers see it. */
function realtimeSong(sim: Simulation): OscRealtimeSong {
  const song = sim.renoise.song();
  return {
    selected_instrument_index: song.selected_instrument_index,
    selected_track_index: song.selected_track_index,
    instrumentCount: song.instruments.length,
    trackCount: song.tracks.length,
  };
}
