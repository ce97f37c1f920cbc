/** Base class of every error renoise-sim throws; recognise errors by `name`. */
export class RenoiseSimError extends Error {
  override name = "RenoiseSimError";
}

/**
 * Misuse of the renoise.Socket API: what Renoise reports as a Lua runtime
 * error (invalid arguments, use of a closed socket, ...). The message names
 * the call and says what to do.
 */
export class SocketLogicError extends RenoiseSimError {
  override name = "SocketLogicError";
}

/** Misuse of the simulation itself (bad options, driving a disposed simulation, ...). */
export class SimulationUsageError extends RenoiseSimError {
  override name = "SimulationUsageError";
}

/** A run exceeded its event limit: most likely a callback or timer that reschedules itself forever. */
export class SimulationLimitError extends RenoiseSimError {
  override name = "SimulationLimitError";
}

/** A notifier callback threw; carries the callback name and the original error as `cause`. */
export class CallbackError extends RenoiseSimError {
  override name = "CallbackError";
  constructor(
    message: string,
    readonly callback: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Throws a {@link SocketLogicError} unless `cond` holds.
 * The message should name the call and say what to do.
 */
export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new SocketLogicError(message);
}
