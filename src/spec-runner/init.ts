import { basename } from "node:path";
import { createSimulation, type Simulation } from "../sim/simulation.js";
import { loadLuaTool } from "../tool/index.js";

/** What `renoise-sim init` learned about a tool by loading it. */
export interface ToolSurvey {
  name: string;
  id: string;
  menuEntries: string[];
  keybindings: string[];
  /** Listening ports after loading (and after `startedBy`, if a menu entry had to start them). */
  tcpPorts: number[];
  udpPorts: number[];
  /** The menu entry that opened the ports, when loading alone opened none. */
  startedBy?: string;
}

/** Menu entries whose name says they start a server ("Start", "Listen", "Serve", "Enable", "Run"). */
const STARTS = /\b(start|listen|serve|enable|run)\b/i;

/** Ports of the servers the tool host created (from the trace's `server.create` events). */
function ports(sim: Simulation): { tcp: number[]; udp: number[] } {
  const tcp = new Set<number>();
  const udp = new Set<number>();
  for (const e of sim.events) {
    if (e.kind !== "server.create" || e.host !== sim.host.name) continue;
    const m = /^(tcp|udp) .*:(\d+)$/.exec(String(e.server));
    if (m) (m[1] === "tcp" ? tcp : udp).add(Number(m[2]));
  }
  const sorted = (x: Set<number>) => [...x].sort((a, b) => a - b);
  return { tcp: sorted(tcp), udp: sorted(udp) };
}

/**
 * Loads a tool folder in a throwaway simulation and notes its name, menu
 * entries, keybindings and the ports it listens on once started: after
 * loading, or else after invoking the first menu entry whose name says it
 * starts something. Throws the tool's load error.
 */
export async function surveyTool(dir: string): Promise<ToolSurvey> {
  const sim = createSimulation({ seed: 1 });
  try {
    const tool = await loadLuaTool(sim, { dir });
    sim.advance(0);
    const survey: ToolSurvey = {
      name: tool.name,
      id: tool.id,
      menuEntries: [...tool.menuEntries],
      keybindings: [...tool.keybindings],
      tcpPorts: [],
      udpPorts: [],
    };
    let p = ports(sim);
    if (p.tcp.length + p.udp.length === 0) {
      for (const entry of tool.menuEntries.filter((e) => STARTS.test(e.split(":").pop() ?? ""))) {
        try {
          tool.invokeMenu(entry);
          sim.advance(0);
        } catch {
          continue;
        }
        p = ports(sim);
        if (p.tcp.length + p.udp.length > 0) {
          survey.startedBy = entry;
          break;
        }
      }
    }
    survey.tcpPorts = p.tcp;
    survey.udpPorts = p.udp;
    tool.unload();
    return survey;
  } finally {
    sim.dispose();
  }
}

/** A Lua string literal for `s`. */
export function luaString(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (c === "\\") out += "\\\\";
    else if (c === '"') out += '\\"';
    else if (c === "\n") out += "\\n";
    else if (code < 32 || code === 127) out += `\\${code}`;
    else out += c;
  }
  return out + '"';
}

/** The spec file name for a tool folder: `spec/<folder in snake_case>_spec.lua`. */
export function starterSpecName(dir: string): string {
  const base = basename(dir.replace(/[\\/]+$/, "")).replace(/\.xrnx$/i, "");
  const snake =
    base
      .replace(/^com\.[^.]+\./, "")
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_|_$/g, "")
      .toLowerCase() || "tool";
  return `spec/${snake}_spec.lua`;
}

/** The starter spec of a surveyed tool: it loads, its menu entries, and a connection to each port it opens. */
export function starterSpec(s: ToolSurvey): string {
  const out: string[] = [];
  const start = s.startedBy ? `    tool:invoke_menu(${luaString(s.startedBy)})\n` : "";
  out.push(`-- Starter spec for ${s.name} (${s.id}), written by \`renoise-sim init\`.`);
  out.push("-- Run it from the tool folder with: renoise-sim test spec/");
  out.push("-- Each it() runs in a fresh simulation and Lua state; the guide is docs/lua-testing.md.");
  out.push("");
  out.push(`describe(${luaString(s.name)}, function()`);
  out.push("  local tool");
  out.push("");
  out.push("  before_each(function()");
  out.push("    tool = sim.load_tool() -- this tool folder, loaded into the simulated Renoise");
  out.push("  end)");
  out.push("");
  out.push('  it("loads", function()');
  out.push(`    assert.are.equal(${luaString(s.id)}, tool.id)`);
  out.push("  end)");
  if (s.menuEntries.length) {
    out.push("");
    out.push('  it("adds its menu entries", function()');
    out.push("    assert.are.same({");
    for (const m of s.menuEntries) out.push(`      ${luaString(m)},`);
    out.push("    }, tool:menu_entries())");
    out.push("  end)");
  }
  if (s.keybindings.length) {
    out.push("");
    out.push('  it("adds its keybindings", function()');
    out.push("    assert.are.same({");
    for (const k of s.keybindings) out.push(`      ${luaString(k)},`);
    out.push("    }, tool:keybindings())");
    out.push("  end)");
  }
  for (const port of s.tcpPorts) {
    out.push("");
    out.push(`  it("accepts a TCP connection on port ${port}", function()`);
    if (start) out.push(start.trimEnd());
    out.push('    local phone = sim.add_host("phone")');
    out.push(`    local client, err = phone.Socket.create_client(sim.host.address, ${port})`);
    out.push("    assert.is_nil(err)");
    out.push("    assert.is_true(client.is_open)");
    out.push("    -- Next: send what the tool understands and check its answer, for example");
    out.push('    --   client:send("PING\\n")');
    out.push('    --   assert.are.equal("PONG", client:receive("*line", 500))');
    out.push("    client:close()");
    out.push("    sim.advance(100) -- lets the tool's notifiers run; an error in one fails the test");
    out.push("  end)");
  }
  for (const port of s.udpPorts) {
    out.push("");
    out.push(`  it("takes a UDP datagram on port ${port}", function()`);
    if (start) out.push(start.trimEnd());
    out.push('    local phone = sim.add_host("phone")');
    out.push(`    local client = assert(phone.Socket.create_client(sim.host.address, ${port}, renoise.Socket.PROTOCOL_UDP))`);
    out.push('    assert.is_true(client:send("hello"))');
    out.push("    sim.advance(100) -- lets the tool's notifiers run; an error in one fails the test");
    out.push("  end)");
  }
  out.push("end)");
  return out.join("\n") + "\n";
}
