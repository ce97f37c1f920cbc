import { describe, expect, it } from "vitest";
import { encodeReplayToken, parseReplayToken, type ReplayToken } from "../../src/prop/fuzz/replay-token.js";

describe("replay tokens: one format for the CLI and Lua specs", () => {
  const token: ReplayToken = {
    tool: "fixtures/tools/line-server",
    cwd: "/somewhere",
    port: 7000,
    protocol: "udp",
    grammar: "osc",
    faults: ["split"],
    runs: 25,
    seed: -12345,
    path: "3:1:0",
    maxGuiBlock: 50,
    peersOn: "tool-host",
    oscServer: { protocol: "tcp", port: 8000 },
  };

  it("round-trips every field", () => {
    const text = encodeReplayToken(token);
    expect(text.startsWith("rs1.")).toBe(true);
    expect(parseReplayToken(text)).toEqual(token);
  });

  it("fills the defaults a minimal token leaves out", () => {
    const text = "rs1." + Buffer.from(JSON.stringify({ tool: "t", port: 1, seed: 2, path: "0" })).toString("base64url");
    expect(parseReplayToken(text)).toEqual({ tool: "t", port: 1, protocol: "tcp", grammar: "bytes", faults: ["split", "merge"], runs: 100, seed: 2, path: "0" });
  });

  it("tells a foreign string from a damaged token", () => {
    expect(parseReplayToken("hello")).toBe("not-a-token");
    expect(parseReplayToken("rs1.%%%")).toBe("damaged");
    expect(parseReplayToken("rs1." + Buffer.from("null").toString("base64url"))).toBe("damaged");
    expect(parseReplayToken("rs1." + Buffer.from(JSON.stringify({ tool: "t" })).toString("base64url"))).toBe("damaged");
  });
});
