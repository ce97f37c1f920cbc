/**
 * Identity of socket wrappers. Renoise may hand the same connection to
 * different callbacks as different wrapper objects that compare equal in Lua
 * (R25). `sameSocket(a, b)` is that comparison for TypeScript.
 *
 * A wrapper made for each callback names its socket with an {@link IDENTITY}
 * method on its class (no cost per object); others are registered once with
 * {@link setIdentity} (a WeakMap entry, which costs about a microsecond for
 * each new object).
 */
const identities = new WeakMap<object, object>();

/** Method of a wrapper class returning the socket its wrappers stand for. */
export const IDENTITY: unique symbol = Symbol("renoise-sim.socketIdentity");

/** A wrapper whose class has an {@link IDENTITY} method. */
export interface Identified {
  [IDENTITY](): object;
}

export function setIdentity(wrapper: object, identity: object): void {
  identities.set(wrapper, identity);
}

export function identityOf(wrapper: object): object | undefined {
  const own = (wrapper as Partial<Identified>)[IDENTITY];
  return typeof own === "function" ? own.call(wrapper) : identities.get(wrapper);
}

/** True if two socket objects stand for the same underlying socket (Lua's `==` on Renoise sockets). */
export function sameSocket(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return false;
  const ia = identityOf(a);
  return ia !== undefined && ia === identityOf(b);
}
