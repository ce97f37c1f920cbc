import type { FaultHandle } from "../net/rule.js";

/** A handle whose `remove()` runs `fn` once. */
export function handle(fn: () => void): FaultHandle {
  let done = false;
  return {
    remove() {
      if (done) return;
      done = true;
      fn();
    },
  };
}
