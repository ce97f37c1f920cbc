import { basename } from "node:path";
import { text, toText, type ByteString } from "../core/bytes.js";
import { SimulationUsageError } from "../core/errors.js";
import {
  createLuaVm,
  dirFs,
  LuaRef,
  type LuaDialect,
  type LuaInput,
  type LuaProcessAnswer,
  type LuaPreloadChunk,
  type LuaProcessCall,
  type LuaVm,
} from "../lua/index.js";
import type { Simulation } from "../sim/simulation.js";
import { DOCUMENT_LUA } from "./lua/document.js";
import { OBSERVABLE_LUA } from "./lua/observable.js";
import { TOOL_API_LUA } from "./lua/tool-api.js";
import { readToolInfo, type ToolInfo } from "./manifest.js";
import { installGlobalMidiActions } from "./global-midi-actions.js";
import { bindOsc } from "./osc-binding.js";
import { bindSocket, type SocketBinding } from "./socket-binding.js";
import { bindModels, type ModelBinding } from "./model-binding.js";
import { songApi, songApiFunctions, songLuaChunks } from "./song-binding.js";
import { TOOL_ENTRY_POINTS, TOOL_LUA_PRELOAD } from "./lua-preload.js";
import { bindViews } from "./views-binding.js";
import { bindApp } from "./app-binding.js";
import { bindMidi, type MidiBinding } from "./midi-binding.js";
import { toolWorld } from "./world.js";
import type { MidiMappingMessage } from "../renoise/midi/mapping.js";
import { ApplicationWindow } from "../renoise/app/window.js";
import type { Dialog } from "../renoise/views/dialog.js";
import { LuaTables, releaseAll } from "./tables.js";
import { xmlHost } from "./xml-host.js";
import {
  RENOISE_API_VERSION,
  RENOISE_VERSION,
  renoiseTemplateArgs,
  songApiIsInTemplate,
  withoutTemplateParts,
} from "./renoise-static.js";
import {
  ToolHost,
  type FilePromptAnswer,
  type KeyModifierStates,
  type LuaToolMessage,
  type PromptAnswer,
  type ToolEntryPoints,
} from "./tool-host.js";

export { RENOISE_API_VERSION, RENOISE_VERSION } from "./renoise-static.js";

/** Options of {@link loadLuaTool}. Give exactly one of `dir`, `file` and `files`. */
export interface LuaToolOptions {
  /** A tool folder: `main.lua`, `manifest.xml` and more files. */
  dir?: string;
  /** A single Lua script (its folder becomes the tool folder for `require` and `io`). */
  file?: string;
  /**
   * A tool folder held in memory: file contents by relative path (`"main.lua"`
   * is run); strings are text (UTF-8 encoded), a `Uint8Array` gives exact bytes. Handy in specs.
   */
  files?: Record<string, string | Uint8Array>;
  /** With `dir`: the file of the folder run instead of `main.lua` (the Lua spec runner runs a spec file this way). */
  main?: string;
  /** Called with the VM once the `renoise` global is installed, before the main file runs (to add globals). */
  beforeMain?: (vm: LuaVm) => void;
  /**
   * @internal renoise-sim's own Lua chunks the VM will run, compiled into its
   * snapshot (`LuaVmOptions.preload`); default: the tool API's chunks. The
   * Lua spec runner adds its own. Always pass the same array object.
   */
  preload?: readonly LuaPreloadChunk[];
  /** Name of the simulated host the tool runs on. Default: the simulation's tool host. */
  host?: string;
  /** Lua steps (jumps, loop turns, calls, returns, metamethod operations) one entry from the host may run (endless-loop guard); 0 disables. Default 100,000,000. */
  instructionLimit?: number;
  /** Scripted answers of `renoise.app():show_prompt` and `show_custom_prompt`, used in order; afterwards the first button is chosen. */
  prompts?: PromptAnswer[];
  /** Scripted answers of `renoise.app():prompt_for_*` (paths), used in order; afterwards the user cancels (""). */
  filePrompts?: FilePromptAnswer[];
  /**
   * Values the user saved earlier: set into the tool's preferences document
   * when the tool assigns `renoise.tool().preferences` (booleans, numbers,
   * strings; names the document lacks are ignored and traced).
   */
  preferences?: Record<string, unknown>;
  /** Which Lua the tool is read as: `"5.1"` (Renoise's, default) or `"5.4"` (no 5.1 front end). See docs/lua-compatibility.md. */
  luaVersion?: LuaDialect;
  /**
   * Numbers become text as Lua 5.1 writes them (`10/2` is `5`, not `5.0`) in
   * `tostring`, `print`, `..`, `string.format("%s")`, `table.concat`... Default
   * true, whatever `luaVersion`; false gives Lua 5.4's text. See docs/lua-compatibility.md.
   */
  lua51Numbers?: boolean;
  /**
   * The tool's files compiled by an earlier load in this process (a fuzz
   * scenario's fresh VM, a spec's `it`) load from the bytecode kept of them
   * when their text has not changed: the same functions, a faster load.
   * Default true; false compiles every load. See docs/lua-tools.md.
   */
  compileCache?: boolean;
  /** `os.time()` at virtual time 0, in seconds since 1970 UTC. Default 2026-01-01T00:00:00Z. */
  epoch?: number;
  /**
   * Answers `os.execute` / `io.popen` (traced as `lua.process`); `undefined`
   * (and the default for every command) fails it as on a machine without it.
   */
  processes?: (call: LuaProcessCall) => LuaProcessAnswer | undefined;
  /** Files outside the tool folder it may read (absolute path → text or bytes); other outside access fails (traced as `lua.file`). */
  externalFiles?: Record<string, string | Uint8Array>;
  /**
   * The tool's saved preferences file (XML, as `preferencesXml()` gives it).
   * Default: what this tool id saved when it last unloaded in this
   * simulation (see `simulationPreferences(sim)`), else none.
   */
  preferencesXml?: string;
}

/** A Lua tool loaded into a simulation by {@link loadLuaTool}. */
export interface LuaTool {
  /** The tool's own Lua VM (for `vm.getGlobal`, `vm.call`, `vm.run`). */
  readonly vm: LuaVm;
  /** Lines printed by `print` (UTF-8 decoded); also in the trace as `lua.print`. */
  readonly printed: string[];
  /** `renoise.app()` messages and prompts; also in the trace as `app.<kind>`. */
  readonly messages: LuaToolMessage[];
  /** Names of the menu entries added with `add_menu_entry` (and not removed), in order. */
  readonly menuEntries: string[];
  /** Runs a menu entry's `invoke` now (call it between steps of virtual time). Lua errors throw a `LuaError`. */
  invokeMenu(name: string): void;
  /** Runs a keybinding's `invoke(false)` now. Lua errors throw a `LuaError`. */
  invokeKeybinding(name: string): void;
  /**
   * Runs a MIDI mapping's `invoke(message)` now, as when the mapped control
   * moves; build the message with `midiMappingMessage.trigger()`, `.switch(on)`,
   * `.value(0..127)` or `.relative(-63..63)`. Lua errors throw a `LuaError`.
   */
  invokeMidiMapping(name: string, message: MidiMappingMessage): void;
  /**
   * Unloads the tool: fires `tool_will_unload_observable`, stops its timers
   * and idle notifiers, closes the sockets it created, closes the VM.
   * Idempotent.
   */
  unload(): void;

  /** The simulated host the tool runs on. */
  readonly host: string;
  /** From manifest.xml (`<Name>`), or the script's name. */
  readonly name: string;
  /** From manifest.xml (`<Id>`), or the script's name. */
  readonly id: string;
  /** `renoise.tool().bundle_path`: the tool folder as the tool sees it (ends with "/"). */
  readonly bundlePath: string;
  /** Names of the keybindings added with `add_keybinding`. */
  readonly keybindings: string[];
  /** Names of the MIDI mappings added with `add_midi_mapping` (recorded only). */
  readonly midiMappings: string[];
  /** The printed lines as byte strings (what Lua printed, exactly). */
  readonly printedBytes: ByteString[];
  /** True until {@link unload}. */
  readonly loaded: boolean;
  /** The scalar values of `renoise.tool().preferences` now (empty if the tool assigned none). */
  readPreferences(): Record<string, string | number | boolean>;
  /** `renoise.tool().preferences` as its preferences file (XML) now; undefined if the tool assigned none. */
  preferencesXml(): string | undefined;
  /** The tool's custom dialogs that are open now, in the order they were opened. */
  readonly dialogs: Dialog[];
  /**
   * The one open dialog (with this title, if given); throws if there is none
   * or several. Query it with `within(dialog)`.
   */
  dialog(title?: string): Dialog;
  /** `renoise.app().window`, as the tool sees it. */
  readonly window: ApplicationWindow;
  /** `renoise.app().key_modifier_states`: set what the user holds down (`tool.keyModifiers.shift = "pressed"`). */
  readonly keyModifiers: KeyModifierStates;
  /**
   * Fires one of `renoise.tool()`'s app observables as Renoise would:
   * `app_new_document_observable`, `app_release_document_observable`,
   * `app_saved_document_observable`, `app_became_active_observable`,
   * `app_resigned_active_observable`. Lua errors throw a `CallbackError`.
   */
  fireAppObservable(name: AppObservableName): void;
  /** File import hooks the tool added, as "category:ext1,ext2". */
  readonly fileImportHooks: string[];
  /** Runs the file import hook for `category` and the file's extension with `path`; returns what `invoke` returned. */
  importFile(category: string, path: string): unknown;
}

/** The app observables of `renoise.tool()` a test can fire. */
export type AppObservableName =
  | "app_new_document_observable"
  | "app_release_document_observable"
  | "app_saved_document_observable"
  | "app_became_active_observable"
  | "app_resigned_active_observable";

type ToolState = "loaded" | "unloaded";

class LoadedLuaTool implements LuaTool {
  readonly printed: string[] = [];
  readonly printedBytes: ByteString[] = [];
  state: ToolState = "loaded";
  vm!: LuaVm;
  socket!: SocketBinding;
  tables!: LuaTables;
  models: ModelBinding | undefined;
  readonly toolHost: ToolHost;
  readonly window = new ApplicationWindow();
  midi: MidiBinding | undefined;
  /** This tool in `renoise.app().installed_tools`. */
  get installed() {
    return (this.installedEntry ??= { name: this.info.name, id: this.info.id, bundle_path: this.bundlePath });
  }
  private installedEntry: { name: string; id: string; bundle_path: string } | undefined;

  constructor(
    readonly sim: Simulation,
    readonly host: string,
    readonly info: ToolInfo,
    readonly bundlePath: string,
    options: LuaToolOptions,
  ) {
    this.toolHost = new ToolHost({
      sim,
      host,
      name: info.name,
      id: info.id,
      bundlePath,
      prompts: [...(options.prompts ?? [])],
      filePrompts: [...(options.filePrompts ?? [])],
      preferences: (options.preferences ?? {}) as Record<string, string | number | boolean>,
      preferencesXml: () => options.preferencesXml ?? toolWorld(sim).preferences.get(info.id),
    });
  }

  get name(): string {
    return this.info.name;
  }
  get id(): string {
    return this.info.id;
  }
  get messages(): LuaToolMessage[] {
    return this.toolHost.messages;
  }
  get menuEntries(): string[] {
    return this.toolHost.menuEntries;
  }
  get keybindings(): string[] {
    return this.toolHost.keybindings;
  }
  get midiMappings(): string[] {
    return this.toolHost.midiMappings;
  }
  get loaded(): boolean {
    return this.state === "loaded";
  }
  get fileImportHooks(): string[] {
    return this.toolHost.fileImportHooks;
  }

  get keyModifiers(): KeyModifierStates {
    return this.toolHost.keyModifiers;
  }

  fireAppObservable(name: AppObservableName): void {
    this.assertLoaded("fireAppObservable");
    this.toolHost.run(name, (e) => e.fire_app_observable.call(name), true);
  }

  importFile(category: string, path: string): unknown {
    this.assertLoaded("importFile");
    const ext = path.includes(".") ? path.slice(path.lastIndexOf(".") + 1) : "";
    const [r, ...rest] = this.toolHost.entries!.invoke_import_hook.call(text(category), text(ext), text(path));
    releaseAll(rest);
    this.sim.trace.record("tool.import", this.host, { category, path });
    if (r instanceof LuaRef) {
      r.release();
      return true;
    }
    return typeof r === "string" ? toText(r) : r;
  }

  get dialogs(): Dialog[] {
    return this.toolHost.dialogs.open;
  }

  dialog(title?: string): Dialog {
    const open = this.dialogs.filter((d) => title === undefined || d.title === title);
    if (open.length === 1) return open[0]!;
    const all = this.dialogs.map((d) => JSON.stringify(d.title)).join(", ") || "none";
    throw new SimulationUsageError(
      `LuaTool.dialog: ${open.length ? "several dialogs" : "no dialog"}${title === undefined ? "" : ` titled ${JSON.stringify(title)}`} ${open.length ? "are" : "is"} open; open dialogs: ${all}`,
    );
  }

  onPrint(line: ByteString): void {
    const shown = toText(line);
    this.printedBytes.push(line);
    this.printed.push(shown);
    this.sim.trace.record("lua.print", this.host, { text: shown });
  }

  invokeMenu(name: string): void {
    this.invoke("invokeMenu", "menu", "menu entry", name, this.menuEntries, (e) => e.invoke_menu);
  }

  invokeKeybinding(name: string): void {
    this.invoke("invokeKeybinding", "keybinding", "keybinding", name, this.keybindings, (e) => e.invoke_keybinding);
  }

  invokeMidiMapping(name: string, message: MidiMappingMessage): void {
    const m = this.midi?.message(message);
    this.invoke("invokeMidiMapping", "midi_mapping", "MIDI mapping", name, this.midiMappings, (e) => e.invoke_midi_mapping, m);
  }

  private invoke(
    call: string,
    kind: string,
    label: string,
    name: string,
    names: readonly string[],
    fn: (e: ToolEntryPoints) => LuaRef,
    arg?: object,
  ): void {
    this.assertLoaded(call);
    if (!names.includes(name)) {
      const known = names.length ? names.map((n) => JSON.stringify(n)).join(", ") : "none";
      throw new SimulationUsageError(`LuaTool.${call}: the tool has no ${label} named ${JSON.stringify(name)}; it has ${known}`);
    }
    const trace = this.sim.trace;
    const prevCause = trace.cause;
    trace.cause = `${kind}:${name}`;
    let result: unknown;
    try {
      [result] = fn(this.toolHost.entries!).call(name, arg);
    } finally {
      trace.cause = prevCause;
    }
    this.sim.trace.record(`tool.${kind}.invoke`, this.host, { name, result: typeof result === "string" ? result : null });
  }

  preferencesXml(): string | undefined {
    this.assertLoaded("preferencesXml");
    const [x, ...rest] = this.toolHost.entries!.preferences_xml.call();
    releaseAll(rest);
    return typeof x === "string" ? toText(x) : undefined;
  }

  readPreferences(): Record<string, string | number | boolean> {
    this.assertLoaded("readPreferences");
    const flat = this.toolHost.entries!.preferences.call();
    const out: Record<string, string | number | boolean> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const v = flat[i + 1];
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[flat[i] as string] = v;
    }
    releaseAll(flat);
    return out;
  }

  unload(): void {
    if (this.state === "unloaded") return;
    try {
      this.toolHost.run("tool_will_unload_observable", (e) => e.fire_unload.call());
    } finally {
      this.teardown();
    }
  }

  /** Stops everything and closes the VM (no unload notification). */
  teardown(): void {
    if (this.state === "unloaded") return;
    this.savePreferences();
    this.state = "unloaded";
    toolWorld(this.sim).tools.delete(this.installed);
    this.toolHost.stopAll();
    this.toolHost.dialogs.closeAll();
    this.midi?.closeAll();
    const closed = this.socket?.closeAll() ?? 0;
    this.models?.close();
    this.toolHost.entries = undefined;
    this.sim.setCallSite(this.host, undefined);
    this.vm?.close();
    this.sim.trace.record("tool.unload", this.host, { tool: this.info.id, closedSockets: closed });
  }

  /** Renoise saves a tool's preferences when it unloads: into the simulation's preferences files. */
  private savePreferences(): void {
    if (!this.toolHost.entries || this.vm.closed) return;
    let xml: string | undefined;
    try {
      xml = this.preferencesXml();
    } catch {
      return; // a broken document is not saved
    }
    if (xml === undefined) return;
    toolWorld(this.sim).preferences.set(this.info.id, xml);
    this.sim.trace.record("tool.preferences.save", this.host, { tool: this.info.id, size: xml.length });
  }

  private assertLoaded(call: string): void {
    if (this.state !== "loaded") {
      throw new SimulationUsageError(`LuaTool.${call}: the tool "${this.info.name}" is ${this.state}; load it again with loadLuaTool()`);
    }
  }
}

function checkOptions(sim: Simulation, options: LuaToolOptions): void {
  const call = "loadLuaTool";
  if (typeof sim !== "object" || sim === null || typeof sim.getHost !== "function") {
    throw new SimulationUsageError(`${call}: the first argument must be a Simulation (createSimulation())`);
  }
  if (typeof options !== "object" || options === null) {
    throw new SimulationUsageError(`${call}: options must be an object with dir or file`);
  }
  const sources = [options.dir, options.file, options.files].filter((s) => s !== undefined).length;
  if (sources !== 1) {
    throw new SimulationUsageError(
      `${call}: give exactly one of options.dir (a tool folder), options.file (a Lua script) and options.files (in-memory files)`,
    );
  }
  if (options.main !== undefined && (options.dir === undefined || typeof options.main !== "string")) {
    throw new SimulationUsageError(`${call}: options.main names a file of options.dir; give it with dir`);
  }
  const limit = options.instructionLimit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
    throw new SimulationUsageError(`${call}: options.instructionLimit must be a whole number >= 0, got ${String(limit)}`);
  }
  if (options.prompts !== undefined && !Array.isArray(options.prompts)) {
    throw new SimulationUsageError(`${call}: options.prompts must be an array of button labels or functions`);
  }
  for (const [k, v] of Object.entries(options.preferences ?? {})) {
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
      throw new SimulationUsageError(`${call}: options.preferences.${k} must be a boolean, number or string, got ${typeof v}`);
    }
  }
}

function sourceFiles(files: Record<string, string | Uint8Array>): Record<string, ByteString | Uint8Array> {
  const out: Record<string, ByteString | Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) out[name] = typeof data === "string" ? text(data) : data;
  return out;
}

/** The results of a binding chunk that ran in the VM template (refs owned by the caller), if it did. */
function fromTemplate(vm: LuaVm, name: string, args?: LuaInput[]): LuaRef[] | undefined {
  return vm.templateResults(name, args)?.map((v) => {
    if (!(v instanceof LuaRef)) throw new Error(`binding chunk ${name} returned a ${typeof v}`);
    return v;
  });
}

/** Runs a binding chunk, returning its results (refs owned by the caller). */
function chunk(vm: LuaVm, source: string, name: string, ...args: Parameters<LuaVm["run"]>[2][]): LuaRef[] {
  const out = vm.run(source, `=[renoise-sim ${name}]`, ...args);
  return out.map((v) => {
    if (!(v instanceof LuaRef)) throw new Error(`binding chunk ${name} returned a ${typeof v}`);
    return v;
  });
}

/**
 * The tool API's entry points: from the VM template (lua-preload.ts, the
 * `tool_entries` chunk: no call into Lua) or read from the table `e`.
 */
function entryPoints(vm: LuaVm, e: LuaRef): ToolEntryPoints {
  const names = TOOL_ENTRY_POINTS;
  const out: Partial<Record<(typeof names)[number], LuaRef>> = {};
  const fromTemplate = vm.templateResults("tool_entries");
  for (const [i, n] of names.entries()) {
    const f = fromTemplate ? fromTemplate[i] : e.get(n);
    if (!(f instanceof LuaRef)) throw new Error(`tool API entry point ${n} missing`);
    out[n] = f;
  }
  return out as ToolEntryPoints;
}

/** Installs the `renoise` global into the tool's VM. */
function installRenoise(tool: LoadedLuaTool): void {
  const vm = tool.vm;
  tool.tables = LuaTables.install(vm);
  const osc = bindOsc(vm, tool.tables);
  tool.socket = bindSocket(vm, tool.sim.getHost(tool.host).Socket);
  tool.models = bindModels(vm, tool.tables, () => tool.sim.now);
  const views = bindViews(vm, tool.tables, tool.toolHost.driver);
  const appHost = bindApp(vm, tool.tables, views, tool.toolHost, tool.window);
  tool.midi = bindMidi(vm, tool.tables, views, toolWorld(tool.sim).midi, tool.toolHost.driver);
  const getSong = () => tool.sim.song;
  // While the template holds all of the song API (the usual case), only its functions are bound here:
  // the whole table (dozens of constants) is built only when some of it is installed at load.
  const songInTemplate = songApiIsInTemplate();
  const song = songInTemplate ? songApiFunctions(getSong) : songApi(getSong);
  const own = { Socket: tool.socket.table, Osc: osc.table, ViewBuilder: views.ViewBuilder, Midi: tool.midi.table };
  const renoise = (): Record<string, LuaInput> => ({
    API_VERSION: RENOISE_API_VERSION,
    RENOISE_VERSION,
    ...own,
    ...(songInTemplate ? songApi(getSong) : song),
  });
  // The VM template holds the constants and renoise.song unless the VM's preload list leaves them out (lua-preload.ts).
  const inTemplate = vm.templateResults("renoise_table", renoiseTemplateArgs(song));
  vm.installGlobals({ renoise: !inTemplate ? renoise() : songInTemplate ? own : withoutTemplateParts(renoise()) });
  views.ViewBuilder.release();
  // Run in the VM template (lua-preload.ts) unless the VM's preload list leaves them out.
  const [observable] = fromTemplate(vm, "observable") ?? chunk(vm, OBSERVABLE_LUA, "observable");
  const [document, docHost] = fromTemplate(vm, "document") ?? chunk(vm, DOCUMENT_LUA, "document", observable, xmlHost());
  const installed = (): LuaInput[] =>
    [...toolWorld(tool.sim).tools].map((t) => ({ name: text(t.name), id: text(t.id), bundle_path: text(t.bundle_path) }));
  // Keys added one by one to the table's own literal: a spread of ~50 keys into a new object costs tens of µs in V8.
  const toolHostTable = tool.toolHost.table();
  for (const k in appHost) toolHostTable[k] = appHost[k];
  toolHostTable.installed_tools = installed;
  const [entries] =
    fromTemplate(vm, "tool", [toolHostTable]) ?? chunk(vm, TOOL_API_LUA, "tool", toolHostTable, observable, document, docHost);
  tool.toolHost.entries = entryPoints(vm, entries!);
  releaseAll([observable, document, docHost, entries]);
  for (const c of songLuaChunks) {
    const fromVmTemplate = vm.templateResults(c.name, c.perVmArgs?.(vm));
    if (fromVmTemplate !== undefined) {
      releaseAll(fromVmTemplate);
      continue;
    }
    const args = c.args?.(vm) ?? [];
    releaseAll(chunk(vm, c.source, c.name, ...args));
    for (const a of args) if (a instanceof LuaRef) a.release();
  }
  installGlobalMidiActions(vm);
}

/**
 * Loads a Renoise Lua tool into `sim`: a fresh Lua VM (seeded from
 * `sim.seed`, `os.clock`/`os.time` from `sim.now`) with the `renoise` global
 * bound to the simulation — `renoise.Socket` is the host's socket double —
 * then runs `main.lua` (or the script) and fires
 * `tool_finished_loading_observable`. Throws the `LuaError` if that fails
 * (the tool is then unloaded again).
 *
 * ```ts
 * const sim = createSimulation({ seed: 1 });
 * const tool = await loadLuaTool(sim, { dir: "fixtures/tools/line-server" });
 * sim.spawn("phone", function* (peer) { ... });
 * sim.advance(1000);
 * tool.unload();
 * ```
 */
export async function loadLuaTool(sim: Simulation, options: LuaToolOptions): Promise<LuaTool> {
  checkOptions(sim, options);
  const host = options.host ?? sim.host.name;
  sim.getHost(host); // throws a clear error for an unknown host
  const sink: { tool?: LoadedLuaTool } = {};
  const vm = await createLuaVm({
    tool:
      options.dir !== undefined
        ? options.main !== undefined
          ? { fs: dirFs(options.dir), main: options.main }
          : { dir: options.dir }
        : options.file !== undefined
          ? { file: options.file }
          : { files: sourceFiles(options.files ?? {}) },
    seed: sim.seed,
    now: () => sim.now,
    preload: options.preload ?? TOOL_LUA_PRELOAD,
    print: (line) => sink.tool?.onPrint(line),
    ...(options.instructionLimit !== undefined ? { instructionLimit: options.instructionLimit } : {}),
    ...(options.luaVersion !== undefined ? { luaVersion: options.luaVersion } : {}),
    ...(options.lua51Numbers !== undefined ? { lua51Numbers: options.lua51Numbers } : {}),
    ...(options.compileCache !== undefined ? { compileCache: options.compileCache } : {}),
    ...(options.epoch !== undefined ? { epoch: options.epoch } : {}),
    ...(options.processes !== undefined ? { processes: options.processes } : {}),
    externalFiles: sourceFiles(options.externalFiles ?? {}),
    onSystemCall: (ev) =>
      ev.kind === "process"
        ? sim.trace.record("lua.process", host, { call: ev.call, command: ev.command, exit: ev.exitCode, answered: ev.answered })
        : sim.trace.record("lua.file", host, { call: ev.call, path: ev.path, result: ev.result }),
  });
  const info = readToolInfo(vm.files, options.file !== undefined ? basename(options.file) : undefined);
  const tool = new LoadedLuaTool(sim, host, info, vm.files.root, options);
  sink.tool = tool;
  tool.vm = vm;
  sim.setCallSite(host, () => vm.bridge.callerWhere());
  try {
    installRenoise(tool);
    options.beforeMain?.(vm);
    sim.trace.record("tool.load", host, { tool: info.id, name: info.name, main: vm.mainFile });
    toolWorld(sim).tools.add(tool.installed);
    const prevCause = sim.trace.cause;
    sim.trace.cause = `tool.load#${sim.trace.count}`;
    try {
      vm.loadTool();
    } finally {
      sim.trace.cause = prevCause;
    }
    tool.toolHost.run("tool_finished_loading_observable", (e) => e.fire_finished_loading.call());
  } catch (e) {
    sim.trace.record("tool.load.error", host, { tool: info.id, error: e instanceof Error ? e.message : String(e) });
    tool.teardown();
    throw e;
  }
  return tool;
}

/**
 * Runs a Renoise-style test script (top-level code, `assert`, `print`) as a
 * tool and lets the work pending at the instant it ends run
 * (`sim.advance(0)`), so that errors raised by its notifiers surface too.
 * Throws the script's `LuaError`, or a `CallbackError` for a notifier. The
 * returned tool stays loaded (its servers keep serving) until `unload()`.
 */
export async function runLuaScript(
  sim: Simulation,
  file: string,
  options: Omit<LuaToolOptions, "dir" | "file" | "files"> = {},
): Promise<LuaTool> {
  if (typeof file !== "string" || file === "") {
    throw new SimulationUsageError("runLuaScript: file must be the path of a Lua script");
  }
  const tool = await loadLuaTool(sim, { ...options, file });
  sim.advance(0);
  return tool;
}
