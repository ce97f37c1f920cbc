import { expect, it } from "vitest";
import { outcomes, runLuaSpecs } from "../support/specs.js";

// Every fixture tool has a Lua spec (fixtures/tools/*/spec/*_spec.lua); CI runs them here.
it("runs the Lua spec of every fixture tool green", async () => {
  const s = await runLuaSpecs(["fixtures/tools"]);
  expect(s.files.map((f) => f.split("/fixtures/tools/")[1])).toEqual([
    "byte-echo/spec/byte_echo_spec.lua",
    "http-server/spec/http_server_spec.lua",
    "idle-client/spec/idle_client_spec.lua",
    "line-server/spec/line_server_spec.lua",
    "osc-udp-server/spec/osc_udp_server_spec.lua",
  ]);
  expect(outcomes(s).filter((o) => !o.startsWith("success"))).toEqual([]);
  expect(s.counts.success).toBe(22);
  expect(s.exitCode).toBe(0);
}, 120_000);
