/**
 * Property-based testing kit: generators for scenarios, payloads and stream
 * cuts; a scenario runner; built-in invariants of the double; and
 * `fuzzNotifier`, which throws adversarial traffic at a tool's notifier and
 * reports the smallest failing scenario with a replay token and a diagram.
 *
 * @module
 */
export { scenarioArbitrary } from "./arbitraries/scenario.js";
export type { FuzzScenarioOptions, SessionEnd } from "./arbitraries/scenario.js";
export {
  payloads,
  bytesPayload,
  linePayload,
  linesPayload,
  httpRequestPayload,
  oscMessagePayload,
  nearValidPayload,
  customPayload,
} from "./arbitraries/payloads.js";
export type {
  BytesPayloadOptions,
  LinePayloadOptions,
  NewlineStyle,
  HttpRequestPayloadOptions,
  OscMessagePayloadOptions,
} from "./arbitraries/payloads.js";
export { streamCutPlanArbitrary } from "./arbitraries/cut-plan.js";
export type { CutShape, StreamCutPlanOptions } from "./arbitraries/cut-plan.js";
export { faultPlanArbitrary, FAULT_KINDS } from "./arbitraries/fault-plan.js";
export type { FaultPlanOptions } from "./arbitraries/fault-plan.js";

export { scenarioSize, isFaulted } from "./scenario.js";
export type {
  FuzzScenario,
  FuzzStep,
  FuzzProtocol,
  FuzzSplit,
  FuzzMerge,
  PlannedFault,
  PlannedFaultKind,
  FuzzScenarioSize,
  FuzzPeerScript,
  WaitMode,
} from "./scenario.js";
export { describeScenario } from "./describe.js";
export { tcpStreams, udpDatagrams } from "./streams.js";
export { compactTrace, compactEvent } from "./compact-trace.js";
export type { TcpStreamView, DatagramView } from "./streams.js";

export { runScenario } from "./run/run-scenario.js";
export type { RunScenarioOptions, FuzzScenarioRun, ToolContext } from "./run/run-scenario.js";
export type { CallRecord, CallOutcome, PeerSocketState } from "./run/calls.js";

export {
  builtinInvariants,
  checkInvariants,
  tcpAcceptedFirst,
  tcpStreamIntact,
  udpOneDatagram,
  noCallbackWhenStopped,
  closedSocketRaises,
  expectedFailuresReturn,
  lineHasNoNewline,
  receiveErrorState,
} from "./invariants/index.js";
export { checkDeterminism } from "./invariants/determinism.js";
export type { Invariant, ObservedRun, Violation } from "./invariants/types.js";

export { fuzzNotifier, fuzzNotifierDetails, replayScenario, runNotifierScenario } from "./fuzz/fuzz-notifier.js";
export type { FuzzContext, FuzzRun, FuzzInvariant, FuzzFault, FuzzOptions, FuzzDetails } from "./fuzz/fuzz-notifier.js";
export { FuzzFailure } from "./fuzz/failure.js";
export { fuzzToolDetails } from "./fuzz/fuzz-tool.js";
export type { FuzzToolOptions, FuzzToolDetails, AsyncTool } from "./fuzz/fuzz-tool.js";
export { fuzzLuaTool, fuzzLuaToolDetails } from "./fuzz/fuzz-lua-tool.js";
export type { FuzzLuaToolOptions } from "./fuzz/fuzz-lua-tool.js";
export type { FuzzFailureInfo } from "./fuzz/failure.js";
export { FuzzNothingDeliveredError, describeCoverage } from "./fuzz/coverage.js";
export type { FuzzCoverage, PeersOn } from "./fuzz/coverage.js";
