import { SimulationUsageError } from "../core/errors.js";
import type { StreamCutPlan } from "../net/stream-cut.js";

const isIndex = (n: unknown, min: number): boolean => typeof n === "number" && Number.isInteger(n) && n >= min;

/** Checks the shape of a {@link StreamCutPlan}; offsets outside a send are allowed (they are ignored). */
export function checkPlan(call: string, plan: StreamCutPlan): void {
  if (typeof plan !== "object" || plan === null) throw new SimulationUsageError(`${call}: expected { splits, merges }`);
  const side = (from: unknown, where: string): void => {
    if (from !== undefined && from !== "client" && from !== "server") {
      throw new SimulationUsageError(`${call}: ${where}.from must be "client" or "server", got ${JSON.stringify(from)}`);
    }
  };
  if (plan.splits !== undefined && !Array.isArray(plan.splits)) throw new SimulationUsageError(`${call}: splits must be an array`);
  if (plan.merges !== undefined && !Array.isArray(plan.merges)) throw new SimulationUsageError(`${call}: merges must be an array`);
  (plan.splits ?? []).forEach((s, i) => {
    const where = `splits[${i}]`;
    if (!isIndex(s?.conn, 1)) throw new SimulationUsageError(`${call}: ${where}.conn must be a connection number (1, 2, ...)`);
    if (!isIndex(s.send, 0)) throw new SimulationUsageError(`${call}: ${where}.send must be a send index (0, 1, ...)`);
    if (!Array.isArray(s.at) || !s.at.every((o) => typeof o === "number" && Number.isFinite(o))) {
      throw new SimulationUsageError(`${call}: ${where}.at must be an array of byte offsets`);
    }
    side(s.from, where);
  });
  (plan.merges ?? []).forEach((m, i) => {
    const where = `merges[${i}]`;
    if (!isIndex(m?.conn, 1)) throw new SimulationUsageError(`${call}: ${where}.conn must be a connection number (1, 2, ...)`);
    if (!isIndex(m.send, 0)) throw new SimulationUsageError(`${call}: ${where}.send must be a send index (0, 1, ...)`);
    side(m.from, where);
  });
}
