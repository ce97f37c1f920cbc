/**
 * Objects made without an allocation site of their own, for objects of a
 * simulation that hold on to other parts of it.
 *
 * V8 watches each array or object literal (`[]`, `{}`) and each `new
 * Array()` in the code. Once enough of one site's objects outlive a
 * young-generation collection (a process that keeps many simulations, or a
 * simulation with thousands of connections), it allocates that site's
 * later objects straight into the old generation for the rest of the
 * process. Such an object in a short-lived simulation then keeps what it
 * holds (callbacks, and through them the whole simulation) alive until the
 * next full collection: every young-generation collection copies the dead
 * simulation again and promotes it. Class instances, `new Object()` and
 * builtins such as `Array.of` are not watched. See docs/performance.md,
 * nineteenth round.
 */

/** A new empty array that V8 never allocates in the old generation by its site's history (see above). */
export function emptyArray<T>(): T[] {
  return Array.of<T>();
}

/** A new array of `items` made the same way (see {@link emptyArray}). */
export function arrayOf<T>(...items: T[]): T[] {
  return Array.of<T>(...items);
}

/** `T` with its properties writable, for the `this` of a constructor given to {@link plainInstances}. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A constructor of plain objects of type `T`: `new C(...args)` runs `init`
 * on a new object whose prototype is `Object.prototype` (so its
 * `constructor` is `Object`), as an object literal's. For objects users
 * read, compare with `toStrictEqual` or hand to a Lua VM as a table. `init`
 * sets the keys in the order they should have. A constructor call is not
 * watched by V8. (A `new Object()` filled by assignment was tried first: it
 * kept finished simulations alive through young-generation collections even
 * in a fresh process; see docs/performance.md, nineteenth round.)
 */
export function plainInstances<T extends object, A extends unknown[]>(init: (this: Mutable<T>, ...args: A) => void): new (...args: A) => T {
  init.prototype = Object.prototype;
  return init as unknown as new (...args: A) => T;
}
