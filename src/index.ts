/**
 * renoise-sim: a deterministic in-memory network and a spec-faithful double
 * of Renoise's renoise.Socket API, for testing Renoise tools.
 */
export { createSimulation, Simulation } from "./sim/simulation.js";
export type { SimulationOptions, HostOptions, SimHost } from "./sim/simulation.js";
export type { SemanticsOptions } from "./sim/context.js";
export type { FakeClock } from "./sim/time.js";
export type { Peer, PeerScript, Wait } from "./sim/peer.js";

export type { SocketApi } from "./renoise/socket/socket-api.js";
export type {
  Protocol,
  LuaResult,
  SendResult,
  ReceiveMode,
  SendMessage,
  SocketBase,
  SocketClient,
  SocketServer,
  Notifier,
} from "./renoise/socket/types.js";
export { sameSocket } from "./renoise/socket/handle.js";

export { SocketErrors, MAX_UDP_PAYLOAD } from "./net/errors.js";

export {
  RenoiseSimError,
  SocketLogicError,
  SimulationUsageError,
  SimulationLimitError,
  CallbackError,
} from "./core/errors.js";

export type { TraceEvent, TraceValue, TraceOptions } from "./core/trace.js";
export { hashBytes } from "./core/trace.js";
export { formatEvent, formatTrace } from "./trace/format.js";

export { text, toText, fromBytes, toBytes, isByteString, escapeBytes, unescapeBytes } from "./core/bytes.js";
export type { ByteString } from "./core/bytes.js";

export {
  createOscApi,
  OSC_TIMETAG_IMMEDIATELY,
  OscMessage,
  OscBundle,
  OscUsageError,
  isOscObject,
  OSC_TAGS,
} from "./renoise/osc/index.js";
export type { OscTag, OscArgument, OscValue, OscElement, OscApi, OscInt64 } from "./renoise/osc/index.js";

export { Faults } from "./faults/faults.js";
export type { HostGroup, DirectionOptions, HoldHandle } from "./faults/faults.js";
export { Conditions } from "./faults/conditions.js";
export type { ConnectionFaultOptions } from "./faults/connection-faults.js";
export type { CrashOptions, CrashHandle } from "./faults/crash.js";
export { DEFAULT_SERVER_ERROR } from "./faults/server-error.js";
export type { ServerErrorOptions } from "./faults/server-error.js";
export type { FaultRule, FaultHandle, Verdict, InFlightPacket, InFlightEntry } from "./net/rule.js";
export type { StreamCutPlan, StreamCutOptions, SplitPolicy, MergePolicy, StreamSide } from "./net/stream-cut.js";
export type { LatencySpec, Jitter, UdpConditions, LinkSelector } from "./net/link-model.js";
export type { TcpRetransmission } from "./net/network.js";
export { toJsonl, parseTraceJsonl, TraceParseError } from "./trace/jsonl.js";
export { renderMermaid, escapeMermaid } from "./trace/mermaid.js";
export type { MermaidOptions } from "./trace/mermaid.js";
export { diffTraces, formatTraceDiff } from "./trace/diff.js";
export type { TraceDivergence } from "./trace/diff.js";

// Property-based testing kit (docs/property-testing.md); vitest helpers live in "renoise-sim/vitest".
export {
  fuzzNotifier,
  fuzzNotifierDetails,
  fuzzLuaTool,
  fuzzLuaToolDetails,
  fuzzToolDetails,
  replayScenario,
  runNotifierScenario,
  FuzzFailure,
  scenarioArbitrary,
  payloads,
  bytesPayload,
  linePayload,
  linesPayload,
  httpRequestPayload,
  oscMessagePayload,
  nearValidPayload,
  customPayload,
  streamCutPlanArbitrary,
  faultPlanArbitrary,
  FAULT_KINDS,
  scenarioSize,
  isFaulted,
  describeScenario,
  runScenario,
  tcpStreams,
  udpDatagrams,
  compactTrace,
  compactEvent,
  builtinInvariants,
  checkInvariants,
  checkDeterminism,
  tcpAcceptedFirst,
  tcpStreamIntact,
  udpOneDatagram,
  noCallbackWhenStopped,
  closedSocketRaises,
  expectedFailuresReturn,
  lineHasNoNewline,
  receiveErrorState,
} from "./prop/index.js";
export type {
  FuzzContext,
  FuzzRun,
  FuzzInvariant,
  FuzzFault,
  FuzzOptions,
  FuzzToolOptions,
  FuzzToolDetails,
  FuzzLuaToolOptions,
  AsyncTool,
  FuzzDetails,
  FuzzFailureInfo,
  FuzzScenario,
  FuzzScenarioOptions,
  FuzzScenarioRun,
  FuzzScenarioSize,
  FuzzStep,
  FuzzProtocol,
  FuzzSplit,
  FuzzMerge,
  FuzzPeerScript,
  PlannedFault,
  PlannedFaultKind,
  WaitMode,
  SessionEnd,
  BytesPayloadOptions,
  LinePayloadOptions,
  NewlineStyle,
  HttpRequestPayloadOptions,
  OscMessagePayloadOptions,
  CutShape,
  StreamCutPlanOptions,
  FaultPlanOptions,
  TcpStreamView,
  DatagramView,
  RunScenarioOptions,
  ToolContext,
  CallRecord,
  CallOutcome,
  PeerSocketState,
  Invariant,
  ObservedRun,
  Violation,
} from "./prop/index.js";

export {
  loadLuaTool,
  runLuaScript,
  RENOISE_API_VERSION,
  RENOISE_VERSION,
  IDLE_INTERVAL_MS,
} from "./tool/index.js";
export type { LuaTool, LuaToolOptions, LuaToolMessage, PromptAnswer, ToolInfo } from "./tool/index.js";
export { LuaError, LuaSyntaxError, LuaInstructionLimitError, LuaVmClosedError } from "./lua/index.js";
export type { LuaVm } from "./lua/index.js";

export { Observable, ObservableBang, ObservableError } from "./renoise/document/observable.js";
export type { NotifierEntry, NotifyDispatch } from "./renoise/document/observable.js";
export { ObservableValue, ObservableBoolean, ObservableNumber, ObservableString } from "./renoise/document/observable-value.js";
export { ObservableList } from "./renoise/document/observable-list.js";
export type { ListChange } from "./renoise/document/observable-list.js";
export { ModelError, ModelObject, defineModel } from "./renoise/document/model.js";
export type { ModelContext, ModelDef, PropDef, PropType } from "./renoise/document/model.js";
export { Song, newSong } from "./renoise/song/song.js";
export { SongPos } from "./renoise/song/song-pos.js";
export { Transport, TRANSPORT_CONSTANTS } from "./renoise/song/transport.js";
export { PatternSequencer } from "./renoise/song/sequencer.js";
export { Track, GroupTrack, TRACK_TYPE, MUTE_STATE } from "./renoise/song/track.js";
export type { AudioDeviceInfo } from "./renoise/song/track.js";
export { AudioDevice } from "./renoise/song/device.js";
export { DeviceParameter } from "./renoise/song/parameter.js";
export { NATIVE_DEVICES, TRACK_MIXER, MASTER_MIXER, deviceSpec } from "./renoise/song/device-catalogue.js";
export type { DeviceSpec } from "./renoise/song/device-catalogue.js";
export { POLARITY_UNIPOLAR, POLARITY_BIPOLAR } from "./renoise/song/parameter-spec.js";
export type { ParameterSpec, ParameterUnit } from "./renoise/song/parameter-spec.js";
export type { TrackDetailsFixture, DeviceFixture } from "./renoise/song/track-fixture.js";
export { Pattern } from "./renoise/song/pattern.js";
export { Instrument, InstrumentPhraseMapping } from "./renoise/song/instrument.js";
export { PatternTrack } from "./renoise/song/pattern-track.js";
export { PatternLine } from "./renoise/song/line.js";
export { NoteColumn } from "./renoise/song/note-column.js";
export { EffectColumn } from "./renoise/song/effect-column.js";
export { PatternTrackAutomation } from "./renoise/song/automation.js";
export { PatternValueError } from "./renoise/song/pattern-errors.js";
export { parsePatternText, renderPatternText } from "./renoise/song/pattern-text.js";
export type { PatternTextLayout, RenderOptions as PatternTextRenderOptions } from "./renoise/song/pattern-text.js";
export { InstrumentPhrase } from "./renoise/song/phrase.js";
export { Sample, SampleMapping } from "./renoise/song/sample.js";
export { SampleBuffer } from "./renoise/song/sample-buffer.js";
export { buildSong } from "./renoise/song/fixture.js";
export type { SongFixture, TrackFixture } from "./renoise/song/fixture.js";
