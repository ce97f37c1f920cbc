/**
 * Identity of socket wrappers. Renoise may hand the same connection to
 * different callbacks as different wrapper objects that compare equal in Lua
 * (R25). `sameSocket(a, b)` is that comparison for TypeScript.
 *
 * Every wrapper class extends {@link SocketHandle}, which keeps the identity
 * in a private field: a fresh wrapper is made for every callback, and a field
 * costs nothing where a WeakMap entry per wrapper cost ~5% of an echo round
 * trip (bench/tcp-echo.ts).
 */
export abstract class SocketHandle {
  readonly #identity: object;

  /** `identity`: the socket this wrapper stands for (default: the wrapper itself). */
  constructor(identity?: object) {
    this.#identity = identity ?? this;
  }

  /** The identity of a wrapper, or undefined for anything else. */
  static identityOf(wrapper: object): object | undefined {
    return #identity in wrapper ? wrapper.#identity : undefined;
  }
}

export function identityOf(wrapper: object): object | undefined {
  return SocketHandle.identityOf(wrapper);
}

/** True if two socket objects stand for the same underlying socket (Lua's `==` on Renoise sockets). */
export function sameSocket(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return false;
  const ia = SocketHandle.identityOf(a);
  return ia !== undefined && ia === SocketHandle.identityOf(b);
}
