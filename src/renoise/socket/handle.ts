/**
 * Identity of socket wrappers. Renoise may hand the same connection to
 * different callbacks as different wrapper objects that compare equal in Lua
 * (R25). `sameSocket(a, b)` is that comparison for TypeScript.
 *
 * Every wrapper class extends {@link SocketHandle}, which keeps the identity
 * in a private field: a fresh wrapper is made for every callback, and a field
 * costs nothing where a WeakMap entry per wrapper cost ~5% of an echo round
 * trip (bench/tcp-echo.ts). A socket class that must extend another class
 * (a TCP client is its own connection end) and is always its own identity
 * is marked with {@link ownIdentity} instead.
 */
export abstract class SocketHandle {
  readonly #identity: object;

  /** `identity`: the socket this wrapper stands for (default: the wrapper itself). */
  constructor(identity?: object) {
    this.#identity = identity ?? this;
  }

  /** The identity of a wrapper, or undefined for anything else. */
  static identityOf(wrapper: object): object | undefined {
    if (#identity in wrapper) return wrapper.#identity;
    return OWN_IDENTITY in wrapper ? wrapper : undefined;
  }
}

/** On the prototype of a socket class marked with {@link ownIdentity}. */
const OWN_IDENTITY = Symbol("renoise-sim.socket.own-identity");

/**
 * Marks `cls` as a socket class whose objects are their own identity, for a
 * class that cannot extend {@link SocketHandle} (a mark on its prototype: no
 * field per object).
 */
export function ownIdentity(cls: abstract new (...args: never[]) => object): void {
  Object.defineProperty(cls.prototype, OWN_IDENTITY, { value: true });
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
