import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PortPeerMap, portOf } from "../../src/prop/invariants/trace-view.js";

const SEED = 20261130;

// The invariants match connections by "port|peer endpoint" through a PortPeerMap
// (no key text per event): it must answer as a Map keyed by that text does.
describe("PortPeerMap answers as a Map keyed by port|peer", () => {
  it("under any sequence of sets, deletes and gets", () => {
    console.log(`port-peer-map-acts-as-a-keyed-map: seed ${SEED}`);
    const label = fc.constantFrom("tcp 0.0.0.0:8000", "udp 0.0.0.0:8000", "192.168.1.10:8000", "192.168.1.10:9000", "tcp 127.0.0.1:80");
    const peer = fc.constantFrom("10.0.0.2:50001", "10.0.0.2:50002", "10.0.0.3:50001", "");
    const op = fc.tuple(fc.constantFrom("set", "delete", "get"), label, peer, fc.nat());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const ours = new PortPeerMap<number>();
        const plain = new Map<string, number>();
        for (const [what, text, p, v] of ops) {
          const port = ours.port(text);
          expect(port).toBe(portOf(text));
          const key = `${portOf(text)}|${p}`;
          if (what === "set") {
            ours.set(port, p, v);
            plain.set(key, v);
          } else if (what === "delete") {
            ours.delete(port, p);
            plain.delete(key);
          }
          expect(ours.get(port, p)).toBe(plain.get(key));
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
