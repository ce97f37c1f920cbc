/**
 * renoise-sim: a deterministic in-memory network and a spec-faithful double
 * of Renoise's renoise.Socket API, for testing Renoise tools.
 */
export { createSimulation, Simulation } from "./sim/simulation.js";
export type { SimulationOptions, HostOptions, SimHost, GuiBlock, GuiBlockReport } from "./sim/simulation.js";
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
export { ok } from "./core/ok.js";
export type { OkValue } from "./core/ok.js";
export { startResponder } from "./scenario/responders.js";
export type { Responder } from "./scenario/types.js";

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
export { formatEvent, formatTrace, formatPayload, DEFAULT_PAYLOAD_BYTES } from "./trace/format.js";
export type { FormatOptions } from "./trace/format.js";

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
  FuzzNothingDeliveredError,
  describeCoverage,
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
  FuzzCoverage,
  PeersOn,
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

// Views, dialogs and the application window (renoise.ViewBuilder, renoise.app()).
export { ViewBuilder, type ViewProps } from "./renoise/views/view-builder.js";
export { View, ViewError, type ViewLink, type XY } from "./renoise/views/view.js";
export { Dialog, Dialogs, type KeyEvent, type KeyHandler } from "./renoise/views/dialog.js";
export { press, toggle, type as typeInto, select, slide, enter, describeView } from "./renoise/views/actions.js";
export { within, ViewQueries, visibleText, type TextMatch } from "./renoise/views/queries.js";
export { renderText, type RenderTextOptions } from "./renoise/views/render-text.js";
export { VIEW_BUILDER_CONSTANTS } from "./renoise/views/schema.js";
export { ApplicationWindow, WindowError } from "./renoise/app/window.js";
export { runSpecs, junitXml, SIM_SECTIONS } from "./spec-runner/index.js";
export type { SpecListener, SpecRunOptions, SpecRunSummary, SpecStatus, SpecTestResult, SpecLoadError, SimSection } from "./spec-runner/index.js";
export { DEFAULT_LUA_EPOCH } from "./lua/index.js";
export type { LuaDialect, LuaProcessAnswer, LuaProcessCall, LuaSystemEvent } from "./lua/index.js";
// MIDI devices and MIDI mappings (renoise.Midi, add_midi_mapping).
export { MidiSystem, MidiError, MidiInputDevice, MidiOutputDevice, DEFAULT_MIDI_DEVICES, type SentMidi } from "./renoise/midi/midi.js";
export { MidiMappingMessage, midiMappingMessage, type MidiMappingKind } from "./renoise/midi/mapping.js";
export { simulationMidi } from "./tool/world.js";
// Documents and tool preferences (renoise.Document XML, preferences files between loads).
export { readXml, writeXml, XmlError, type XmlEvent } from "./renoise/document/xml.js";
export { simulationPreferences } from "./tool/world.js";
export { renderHtml } from "./renoise/views/render-html.js";

// Renoise's built-in OSC server and global MIDI actions (docs/builtin-osc.md).
export { startOscServer, oscServerOf, type StartOscServerOptions } from "./tool/osc-server.js";
export { RenoiseOscServer, BUILTIN_OSC_ACTIONS_LUA, REALTIME_ADDRESSES } from "./renoise/osc-server/index.js";
export type { OscServerLogEntry, OscServerOptions, OscServerOutcome, TriggeredEvent, OscActionsRunner } from "./renoise/osc-server/index.js";
export { GLOBAL_MIDI_ACTIONS_LUA } from "./renoise/osc-server/global-midi-actions.js";
