/** How one test ended: passed, an assertion failed, another error was raised, or it is pending. */
export type SpecStatus = "success" | "failure" | "error" | "pending";

/** The result of one test (an `it`, or a whole plain script). */
export interface SpecTestResult {
  /** The spec file, relative to the working folder. */
  readonly file: string;
  /** The test's own name (a plain script: its file). */
  readonly name: string;
  /** Describe names and the test name joined by spaces, as busted names tests. */
  readonly fullName: string;
  /** Line of the `it` (0 for a plain script). */
  readonly line: number;
  readonly status: SpecStatus;
  /** Failure or error message (pending: its reason). */
  readonly message?: string;
  /** "file:line" of the failing spec line, when known. */
  readonly location?: string;
  /** Virtual time the test's simulation reached, in ms. */
  readonly virtualMs: number;
  /** Seed of the test's simulation. */
  readonly seed: number;
  /** The last lines of the trace (failures only). */
  readonly traceTail?: string;
  /** Where the sequence diagram of a failure was written. */
  readonly diagram?: string;
  /** Lines the spec printed during the test (`print`). */
  readonly output?: readonly string[];
}

/** A spec file that could not be loaded (syntax error, missing file). */
export interface SpecLoadError {
  readonly file: string;
  readonly message: string;
}

/** Options of {@link runSpecs}. */
export interface SpecRunOptions {
  /** Seed of every test's simulation. Default 1. */
  seed?: number;
  /** One-way latency between hosts in ms. Default 5. */
  latency?: number;
  /** Runs only tests whose full name matches this Lua pattern (as busted's --filter). */
  filter?: string;
  /** Runs shard `index` (1-based) of `count`: every count-th test, counted over all files in order. */
  shard?: { index: number; count: number };
  /** Folder failure diagrams are written to; false: none. Default "renoise-sim-failures". */
  diagramDir?: string | false;
  /** The tool folder specs run in (default: found from each spec file's location). */
  toolDir?: string;
  /** Working folder (paths in reports are relative to it). Default process.cwd(). */
  cwd?: string;
  /** Trace lines shown with a failure. Default 12. */
  traceLines?: number;
}

/** What a run found. */
export interface SpecRunSummary {
  readonly seed: number;
  readonly files: readonly string[];
  readonly results: readonly SpecTestResult[];
  readonly loadErrors: readonly SpecLoadError[];
  readonly counts: Readonly<Record<SpecStatus, number>>;
  /** 0 all passed, 1 a test failed, 2 a file could not be loaded. */
  readonly exitCode: 0 | 1 | 2;
}

/** Receives a run as it happens (reporters). */
export interface SpecListener {
  onStart?(info: { files: readonly string[]; seed: number; shard?: { index: number; count: number } }): void;
  onFile?(file: string, index: number): void;
  onTest?(result: SpecTestResult): void;
  onLoadError?(error: SpecLoadError): void;
  onEnd?(summary: SpecRunSummary): void;
}

/** A mistake in what the runner was asked to do (exit code 2). */
export class SpecUsageError extends Error {
  override name = "SpecUsageError";
}
