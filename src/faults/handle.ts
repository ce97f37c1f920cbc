import type { FaultHandle } from "../net/rule.js";
import { plainInstances, type Mutable } from "../core/site-free.js";

/** A fault handle: a plain object made without a literal (see core/site-free.ts), since `remove` holds on to its simulation. */
const Handle = plainInstances(function Handle(this: Mutable<FaultHandle>, remove: () => void) {
  this.remove = remove;
});

/** A handle whose `remove()` runs `fn` once. */
export function handle(fn: () => void): FaultHandle {
  let done = false;
  return new Handle(() => {
    if (done) return;
    done = true;
    fn();
  });
}
