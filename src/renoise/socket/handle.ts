/**
 * Identity of socket wrappers. Renoise may hand the same connection to
 * different callbacks as different wrapper objects that compare equal in Lua
 * (R25). `sameSocket(a, b)` is that comparison for TypeScript.
 *
 * The identity is a symbol-keyed property of the wrapper rather than a
 * WeakMap entry: a WeakMap set costs about a microsecond for each new
 * wrapper (one per callback), a property write a few nanoseconds. Symbol
 * keys stay out of `Object.keys`, `for…in` and JSON.
 */
const IDENTITY: unique symbol = Symbol("renoise-sim.socketIdentity");

interface Identified {
  [IDENTITY]?: object;
}

export function setIdentity(wrapper: object, identity: object): void {
  (wrapper as Identified)[IDENTITY] = identity;
}

export function identityOf(wrapper: object): object | undefined {
  return (wrapper as Identified)[IDENTITY];
}

/** True if two socket objects stand for the same underlying socket (Lua's `==` on Renoise sockets). */
export function sameSocket(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return false;
  const ia = (a as Identified)[IDENTITY];
  return ia !== undefined && ia === (b as Identified)[IDENTITY];
}
