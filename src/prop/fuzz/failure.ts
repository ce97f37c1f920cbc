import { RenoiseSimError } from "../../core/errors.js";
import type { FuzzScenario, FuzzScenarioSize } from "../scenario.js";

/** Everything a failing fuzz run reports; also the fields of {@link FuzzFailure}. */
export interface FuzzFailureInfo {
  /** Seed of the fast-check run; with {@link path} it replays the failure. */
  readonly seed: number;
  /** fast-check path of the minimal counterexample. */
  readonly path: string;
  /** Runs up to and including the first failure. */
  readonly runs: number;
  /** Shrink steps from the first failing scenario to the minimal one. */
  readonly numShrinks: number;
  /** The smallest failing scenario found. */
  readonly scenario: FuzzScenario;
  /** The first failing scenario, before shrinking. */
  readonly originalScenario: FuzzScenario;
  readonly sizeBefore: FuzzScenarioSize;
  readonly sizeAfter: FuzzScenarioSize;
  /** Why the minimal scenario fails (a raised callback, a broken invariant, a failed expectation). */
  readonly reason: string;
  /** The minimal scenario as readable text. */
  readonly readable: string;
  /** The minimal scenario's trace as text. */
  readonly trace: string;
  /** The minimal scenario's trace as a Mermaid sequence diagram. */
  readonly mermaid: string;
}

/**
 * Thrown by `fuzzNotifier` when a generated scenario breaks the notifier:
 * its message is the whole report (minimal scenario, seed and path, trace,
 * Mermaid diagram); `cause` is the original error.
 */
export class FuzzFailure extends RenoiseSimError implements FuzzFailureInfo {
  override name = "FuzzFailure";
  readonly seed: number;
  readonly path: string;
  readonly runs: number;
  readonly numShrinks: number;
  readonly scenario: FuzzScenario;
  readonly originalScenario: FuzzScenario;
  readonly sizeBefore: FuzzScenarioSize;
  readonly sizeAfter: FuzzScenarioSize;
  readonly reason: string;
  readonly readable: string;
  readonly trace: string;
  readonly mermaid: string;

  constructor(message: string, info: FuzzFailureInfo, cause: unknown) {
    super(message, { cause });
    this.seed = info.seed;
    this.path = info.path;
    this.runs = info.runs;
    this.numShrinks = info.numShrinks;
    this.scenario = info.scenario;
    this.originalScenario = info.originalScenario;
    this.sizeBefore = info.sizeBefore;
    this.sizeAfter = info.sizeAfter;
    this.reason = info.reason;
    this.readable = info.readable;
    this.trace = info.trace;
    this.mermaid = info.mermaid;
  }

  /** Options that replay this failure with `fuzzNotifier` (add them to the options you used). */
  get replay(): { seed: number; path: string } {
    return { seed: this.seed, path: this.path };
  }
}
