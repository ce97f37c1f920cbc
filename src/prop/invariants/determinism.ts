import { formatEvent } from "../../trace/format.js";
import { runScenario, type RunScenarioOptions } from "../run/run-scenario.js";
import type { FuzzScenario } from "../scenario.js";

/**
 * Same seed, same trace: runs `scenario` twice with a fresh tool each time
 * and returns a message for the first event that differs (empty when the
 * traces are identical, field for field).
 */
export function checkDeterminism<T>(scenario: FuzzScenario, options: RunScenarioOptions<T>): string[] {
  const a = runScenario(scenario, options).events;
  const b = runScenario(scenario, options).events;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      return [
        `same seed ${scenario.seed}, different traces at event ${i + 1}:\n` +
          `  first run:  ${x ? formatEvent(x) : "(end of trace)"}\n` +
          `  second run: ${y ? formatEvent(y) : "(end of trace)"}`,
      ];
    }
  }
  return [];
}
