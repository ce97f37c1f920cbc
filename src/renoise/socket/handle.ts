/**
 * Identity of socket wrappers. Renoise may hand the same connection to
 * different callbacks as different wrapper objects that compare equal in Lua
 * (R25). `sameSocket(a, b)` is that comparison for TypeScript.
 */
const identities = new WeakMap<object, object>();

export function setIdentity(wrapper: object, identity: object): void {
  identities.set(wrapper, identity);
}

export function identityOf(wrapper: object): object | undefined {
  return identities.get(wrapper);
}

/** True if two socket objects stand for the same underlying socket (Lua's `==` on Renoise sockets). */
export function sameSocket(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return false;
  const ia = identities.get(a);
  return ia !== undefined && ia === identities.get(b);
}
