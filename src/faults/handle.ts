import type { FaultHandle } from "../net/rule.js";
import { plainObject } from "../core/site-free.js";

/**
 * A handle whose `remove()` runs `fn` once: a plain object made without a
 * literal (see core/site-free.ts), since `fn` holds on to its simulation.
 */
export function handle(fn: () => void): FaultHandle {
  let done = false;
  const h = plainObject<FaultHandle>();
  h.remove = () => {
    if (done) return;
    done = true;
    fn();
  };
  return h;
}
