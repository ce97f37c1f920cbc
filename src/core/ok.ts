import { SimulationUsageError } from "./errors.js";

/** The success value of a Lua-style result type: `T` of `[T, undefined] | [undefined, string]`. */
export type OkValue<R> = Extract<R, readonly [unknown, undefined]>[0];

/**
 * The value of a Lua-style multiple return — `[value, undefined]` on
 * success, `[undefined | false, error]` on failure — or a thrown error
 * carrying the error string. For tests, where a failure should fail the test:
 *
 * ```ts
 * const server = ok(Socket.create_server(8000)); // a SocketServer, no `!` needed
 * ```
 */
export function ok<R extends readonly [unknown, string | undefined]>(result: R): OkValue<R> {
  if (!Array.isArray(result) || result.length < 1) {
    throw new SimulationUsageError(`ok: expected a [value, error] pair such as create_server returns, got ${String(result)}`);
  }
  const [value, error] = result;
  if (error !== undefined && error !== null) throw new SimulationUsageError(`ok: the call failed with "${error}"`);
  return value;
}
