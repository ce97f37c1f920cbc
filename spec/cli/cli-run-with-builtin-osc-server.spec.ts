import { describe, expect, it } from "vitest";
import { cliInProcess } from "../support/cli-inproc.js";

describe("renoise-sim run with Renoise's built-in OSC server", () => {
  it("a scenario's oscServer enables it, and the tool's notes reach it", async () => {
    const r = await cliInProcess(["run", "fixtures/tools/osc-note-sender", "--scenario", "fixtures/scenarios/osc-note-sender.json"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("osc_server.start");
    expect(r.stdout.match(/osc_server\.accept/g)).toHaveLength(6);
  });

  it("--osc-server takes udp or tcp with an optional port, and refuses anything else", async () => {
    const ok = await cliInProcess(["run", "fixtures/tools/osc-note-sender", "--osc-server", "tcp:9000", "--until", "10"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/osc_server\.start\s+protocol=tcp port=9000/);
    const bad = await cliInProcess(["run", "fixtures/tools/osc-note-sender", "--osc-server", "http"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--osc-server must be udp or tcp/);
  });
});

describe("renoise-sim fuzz pointed at Renoise's built-in OSC server", () => {
  it("--osc-server runs the server beside the tool; the OSC grammar reaches it and nothing raises", async () => {
    const r = await cliInProcess([
      "fuzz", "fixtures/tools/osc-note-sender", "--osc-server", "udp", "--port", "8000", "--protocol", "udp", "--grammar", "osc", "--runs", "10",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/coverage: 10\/10 scenarios reached a callback; callbacks: socket_message \d+/);
    expect(r.stderr).toContain("✓ 10 scenarios passed");
  });
});
