import { CALLBACKS } from "../../renoise/socket/notifier.js";
import type { Notifier } from "../../renoise/socket/types.js";

/** A callback that raised while fuzzing: its name, the original error and the virtual time. */
export interface RaisedCallback {
  readonly callback: string;
  readonly error: unknown;
  readonly t: number;
}

const NAMES: ReadonlySet<string> = new Set(CALLBACKS);

/**
 * Wraps a notifier (plain object or class instance) so that errors its
 * callbacks raise are captured with their original object, then passed on
 * to the double unchanged. Callbacks still run with `this` = the notifier
 * itself, so class instances with private fields keep working.
 */
export function watchNotifier<N extends Notifier>(notifier: N, now: () => number, raised: RaisedCallback[]): N {
  // The wrapper of each callback, made once per function the notifier holds under that name.
  const wrappers = new Map<string, { fn: unknown; wrapper: (...args: unknown[]) => unknown }>();
  return new Proxy(notifier, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop !== "string" || !NAMES.has(prop) || typeof value !== "function") return value;
      const made = wrappers.get(prop);
      if (made !== undefined && made.fn === value) return made.wrapper;
      const fn = value as (...args: unknown[]) => unknown;
      const wrapper = (...args: unknown[]): unknown => {
        try {
          return fn.apply(target, args);
        } catch (error) {
          raised.push({ callback: prop, error, t: now() });
          throw error;
        }
      };
      wrappers.set(prop, { fn: value, wrapper });
      return wrapper;
    },
  });
}
