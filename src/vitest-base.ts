/**
 * renoise-sim/vitest/base: the helpers of renoise-sim/vitest that need
 * nothing but vitest — trace matchers, the compact trace snapshot
 * serializer and `fuzzTest` — without `propTest` and `@fast-check/vitest`'s
 * `test`, so it never loads `@fast-check/vitest` (~3–4 s in a fresh process:
 * it walks every chain of vitest's chained `test` API when it builds its
 * own). renoise-sim/vitest loads it only on first use, too.
 *
 * ```ts
 * import { installRenoiseMatchers, fuzzTest } from "renoise-sim/vitest/base";
 * installRenoiseMatchers();
 * fuzzTest("my notifier survives cut streams", (ctx) => createMyNotifier(ctx));
 * ```
 *
 * @module
 */
import { expect, test } from "vitest";
import type { ByteString } from "./core/bytes.js";
import type { Notifier } from "./renoise/socket/types.js";
import { fuzzNotifier, type FuzzContext, type FuzzOptions } from "./prop/fuzz/fuzz-notifier.js";
import { matchCallbackSequence, matchReceivedBytes, type CallbackFilter } from "./prop/matchers.js";
import { traceSerializer } from "./prop/trace-serializer.js";
import { matchSongCalls, matchSongChange, matchSongPos, type SongChangeExpectation } from "./prop/song-matchers.js";

export { traceSerializer };
export type { CallbackFilter, TraceSource } from "./prop/matchers.js";
export type { SongChangeExpectation } from "./prop/song-matchers.js";

/** The matchers {@link installRenoiseMatchers} adds, for `expect.extend` if you prefer to add them yourself. */
export const renoiseMatchers = {
  /** `expect(sim).toHaveCallbackSequence(["accepted", "message"])`: the notifier callbacks, in order. */
  toHaveCallbackSequence(received: unknown, expected: readonly string[], filter?: CallbackFilter) {
    return matchCallbackSequence(received, expected, filter);
  },
  /** `expect(sim).toHaveReceivedBytes("peer1", "HELLO\n")`: every byte delivered to a host, concatenated. */
  toHaveReceivedBytes(received: unknown, host: string, expected: ByteString) {
    return matchReceivedBytes(received, host, expected);
  },
  /** `expect(sim).toHaveSongChange("transport.bpm", { to: 140, cause: /socket_message/ })`: some `song.set` matches. */
  toHaveSongChange(received: unknown, path: string, expected?: SongChangeExpectation) {
    return matchSongChange(received, path, expected);
  },
  /** `expect(sim).toHaveSongCalls(["transport.start", "transport.stop"])`: the `song.call` paths, in order. */
  toHaveSongCalls(received: unknown, expected: readonly string[]) {
    return matchSongCalls(received, expected);
  },
  /** `expect(song.transport.playback_pos).toBeSongPos(1, 17)`. */
  toBeSongPos(received: unknown, sequence: number, line: number) {
    return matchSongPos(received, sequence, line);
  },
};

/** Adds {@link renoiseMatchers} to `expect` and the compact trace snapshot serializer. Call it once per test file (or in a setup file). */
export function installRenoiseMatchers(): void {
  expect.extend(renoiseMatchers);
  expect.addSnapshotSerializer(traceSerializer);
}

/**
 * Registers a vitest test that runs {@link fuzzNotifier}; the seed line is
 * printed with the test's name. `timeout` is vitest's (real) test timeout.
 */
export function fuzzTest<N extends Notifier>(
  name: string,
  makeNotifier: (ctx: FuzzContext) => N,
  options: FuzzOptions<N> = {},
  timeout?: number,
): void {
  test(
    name,
    () => {
      fuzzNotifier(makeNotifier, { log: (line) => console.log(`${name}: ${line}`), ...options });
    },
    timeout,
  );
}


interface RenoiseMatchers<R = unknown> {
  /** The notifier callbacks of the trace, in order (names may drop "socket_"). */
  toHaveCallbackSequence(expected: readonly string[], filter?: CallbackFilter): R;
  /** Every byte delivered to `host`, concatenated, equals `expected`. */
  toHaveReceivedBytes(host: string, expected: ByteString): R;
  /** Some `song.set` of `path` matches (new value `to`, old value `from`, `cause`). */
  toHaveSongChange(path: string, expected?: SongChangeExpectation): R;
  /** The `song.call` paths of the trace, in order. */
  toHaveSongCalls(expected: readonly string[]): R;
  /** A renoise.SongPos at `sequence`, `line`. */
  toBeSongPos(sequence: number, line: number): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends RenoiseMatchers<T> {}
}
