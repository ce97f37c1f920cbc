import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { checkInvariants } from "../../src/prop/invariants/index.js";
import { serverCommands } from "../../src/prop/model/server-commands.js";
import { initialModel, initialReal, MODEL_LATENCY } from "../../src/prop/model/server-model.js";

const SEED = 20240611;

// Model-based: random run/stop/close/wait/idle on a TCP server and create_client/send/receive/close
// on two peers; after every command the server's and clients' observable state must match a small
// reference model (R8, R13, R14, R16, R17, R20), and the trace must keep every built-in invariant.
describe("the TCP server against a reference model", () => {
  it("matches the model through random command sequences", () => {
    console.log(`prop-server-model: seed ${SEED}`);
    fc.assert(
      fc.property(serverCommands(2, 30), (cmds) => {
        const sim = createSimulation({ seed: 1, latency: MODEL_LATENCY, trace: { payloadLimit: Infinity } });
        fc.modelRun(() => ({ model: initialModel(), real: initialReal(sim, 2) }), cmds);
        sim.runUntilIdle();
        expect(checkInvariants({ events: sim.events, calls: [], settled: true })).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
