import { expect, it } from "vitest";
import { cliInProcess } from "../support/cli-inproc.js";

// Hardening (issue 12, item 1): a campaign in which no byte reached the tool's
// notifier tested nothing. The tool below listens on localhost only; peers on
// their own hosts send to the tool host's LAN address and nothing arrives.
const TOOL = "fixtures/tools/localhost-udp";

it("exits 2 and says where the tool listens, where the peers sent and how to fix it", async () => {
  const r = await cliInProcess(["fuzz", TOOL, "--port", "8020", "--protocol", "udp", "--runs", "20"]);
  expect(r.code).toBe(2);
  expect(r.stderr).not.toContain("scenarios passed");
  expect(r.stderr).toContain("the campaign delivered nothing");
  expect(r.stderr).toContain("The tool listens on: udp 127.0.0.1:8020");
  expect(r.stderr).toContain("sent to 192.168.1.10:8020 (udp)");
  expect(r.stderr).toContain("--peers-on tool-host");
});

it("with --peers-on tool-host the peers reach it over loopback, and the coverage says so", async () => {
  const r = await cliInProcess(["fuzz", TOOL, "--port", "8020", "--protocol", "udp", "--runs", "20", "--peers-on", "tool-host"]);
  expect(r.stderr).toContain("✓ 20 scenarios passed");
  expect(r.code).toBe(0);
  const cov = /coverage: (\d+)\/20 scenarios reached a callback; callbacks: socket_message (\d+); (\d+) bytes delivered/.exec(r.stderr);
  expect(cov).not.toBeNull();
  expect(Number(cov![1])).toBeGreaterThan(10);
  expect(Number(cov![3])).toBeGreaterThan(0);
});

it("a TCP tool reports its coverage, faults that fired included", async () => {
  const r = await cliInProcess(["fuzz", "fixtures/tools/http-server", "--port", "8080", "--grammar", "http", "--runs", "20", "--faults", "split,merge,reset"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/coverage: \d+\/20 scenarios reached a callback; callbacks: socket_accepted \d+, socket_message \d+; [1-9]\d* bytes delivered; faults fired: .*split \d+/);
});

it("--peers-on takes only peer-hosts or tool-host", async () => {
  const r = await cliInProcess(["fuzz", TOOL, "--port", "8020", "--peers-on", "moon"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("--peers-on must be peer-hosts or tool-host, got moon");
});
