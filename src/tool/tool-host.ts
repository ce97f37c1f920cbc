import { text, toText, type ByteString } from "../core/bytes.js";
import { CallbackError, SimulationUsageError } from "../core/errors.js";
import { LuaError, type LuaInput, type LuaRef, type LuaValue } from "../lua/index.js";
import { MAX_TIME, type Simulation } from "../sim/simulation.js";
import type { ToolTimer } from "../sim/time.js";
import { Dialogs, type Dialog, type KeyHandler } from "../renoise/views/dialog.js";
import type { View } from "../renoise/views/view.js";
import type { ViewDriver } from "../renoise/views/driver.js";


/** The longest delay the clock's setTimeout holds (2^31 − 1 ms); longer ones fire at once. */
const MAX_CLOCK_DELAY = 0x7fffffff;
/**
 * A scripted answer to `renoise.app():show_prompt` or `show_custom_prompt`:
 * a button label, or a function choosing one. For a custom prompt, `message`
 * is the title and `dialog` is the prompt's dialog, so the function can type
 * into its views before choosing.
 */
export type PromptAnswer = string | ((message: string, buttons: string[], dialog?: Dialog) => string);

/**
 * A scripted answer to `renoise.app():prompt_for_path` / `prompt_for_filename_to_read` /
 * `prompt_for_multiple_filenames_to_read` / `prompt_for_filename_to_write`: a path
 * ("" cancels), a list of paths (multiple), or a function of the call, title and extensions.
 */
export type FilePromptAnswer = string | string[] | ((call: string, title: string, extensions: string[]) => string | string[]);

/** Modifier keys of `renoise.app().key_modifier_states`. */
export type KeyModifierStates = Record<"alt" | "control" | "shift" | "command", "pressed" | "released">;

/** One `renoise.app():show_*` call: `kind` is "message", "warning", "error", "status", "prompt" or "open_url". */
export interface LuaToolMessage {
  kind: string;
  text: string;
}

/** What the tool host needs to know about the tool. @internal */
export interface ToolHostInit {
  sim: Simulation;
  host: string;
  name: string;
  id: string;
  bundlePath: string;
  prompts: readonly PromptAnswer[];
  filePrompts: readonly FilePromptAnswer[];
  preferences: Record<string, string | number | boolean>;
  /** The tool's preferences file as saved before (or seeded by the test), if any. */
  preferencesXml: () => string | undefined;
}

/** The entry points of the Lua side (lua/tool-api.ts). @internal */
export interface ToolEntryPoints {
  fire_timer: LuaRef;
  fire_idle: LuaRef;
  fire_unload: LuaRef;
  fire_finished_loading: LuaRef;
  invoke_menu: LuaRef;
  invoke_keybinding: LuaRef;
  invoke_midi_mapping: LuaRef;
  fire_app_observable: LuaRef;
  invoke_import_hook: LuaRef;
  preferences_xml: LuaRef;
  preferences: LuaRef;
}

/** Period of `app_idle_observable` in virtual ms (Renoise: "about 10 times a second"). */
export const IDLE_INTERVAL_MS = 100;

/**
 * The effects behind `renoise.tool()` and `renoise.app()`: timers and the
 * idle observable on the simulation's clock (virtual time), menu entries and
 * keybindings as lists, app messages and scripted prompts into the trace.
 * Lua errors raised by timers and observables are recorded as
 * `callback.error` and thrown as a `CallbackError` out of the `advance()` /
 * `runUntilIdle()` that ran them.
 *
 * @internal
 */
export class ToolHost {
  readonly messages: LuaToolMessage[] = [];
  readonly menuEntries: string[] = [];
  readonly keybindings: string[] = [];
  readonly midiMappings: string[] = [];
  /** File import hooks as "category:ext1,ext2". */
  readonly fileImportHooks: string[] = [];
  /** Names given in options.preferences that the tool's preferences document does not have. */
  unknownPreferences: string[] = [];
  entries: ToolEntryPoints | undefined;
  private readonly timers = new Map<number, ToolTimer>();
  private nextTimer = 1;
  private idleTimer: ToolTimer | undefined;
  private promptIndex = 0;
  private filePromptIndex = 0;
  /** `renoise.app().key_modifier_states`; a test sets what the user holds down. */
  readonly keyModifiers: KeyModifierStates = { alt: "released", control: "released", shift: "released", command: "released" };
  /** Trace and GUI thread of the tool's views and dialogs. */
  readonly driver: ViewDriver = {
    record: (kind, fields) => this.record(kind, fields),
    runGui: (action, fn) => this.run(action, () => fn(), true),
  };
  /** The tool's custom dialogs. */
  readonly dialogs = new Dialogs(this.driver);

  constructor(private readonly init: ToolHostInit) {}

  private record(kind: string, fields: Record<string, string | number | boolean | null>): void {
    this.init.sim.trace.record(kind, this.init.host, fields);
  }

  /** The `host` table of lua/tool-api.ts. */
  table(): Record<string, LuaInput> {
    const list = (names: string[], kind: string) => ({
      added: (name: LuaValue) => {
        names.push(name as string);
        this.record(`tool.${kind}.add`, { name: toText(name as string) });
      },
      removed: (name: LuaValue) => {
        names.splice(names.indexOf(name as string), 1);
        this.record(`tool.${kind}.remove`, { name: toText(name as string) });
      },
    });
    const menu = list(this.menuEntries, "menu");
    const keys = list(this.keybindings, "keybinding");
    const midi = list(this.midiMappings, "midi_mapping");
    const hooks = list(this.fileImportHooks, "file_import_hook");
    return {
      tool_name: this.init.name,
      tool_id: this.init.id,
      bundle_path: this.init.bundlePath,
      saved_preferences: this.init.preferences,
      saved_preferences_xml: () => {
        const x = this.init.preferencesXml();
        return x === undefined ? undefined : text(x);
      },
      preferences_loaded: (ok, err) => {
        this.record("tool.preferences.load", { ok: ok === true, error: typeof err === "string" ? toText(err) : null });
      },
      timer_start: (ms) => this.startTimer(ms as number),
      timer_stop: (id) => this.stopTimer(id as number),
      idle_notifiers: (count) => this.idleNotifiers(count as number),
      menu_added: menu.added,
      menu_removed: menu.removed,
      keybinding_added: keys.added,
      keybinding_removed: keys.removed,
      midi_mapping_added: midi.added,
      midi_mapping_removed: midi.removed,
      hook_added: hooks.added,
      hook_removed: hooks.removed,
      message: (kind, text) => this.message(kind as string, text as ByteString),
      file_prompt: (call, title, exts) => this.filePrompt(toText(call as ByteString), toText(title as ByteString), toText(exts as ByteString)),
      key_modifier_states: () => ({ ...this.keyModifiers }),
      recent: (kind) => this.messages.filter((m) => m.kind === kind).map((m) => text(m.text)).reverse(),
      prompt: (title, message, ...buttons) => this.prompt(title as ByteString, message as ByteString, buttons as ByteString[]),
      preferences_assigned: (unknown) => {
        this.unknownPreferences = unknown ? (unknown as string).split(",") : [];
        if (this.unknownPreferences.length) {
          this.record("tool.preferences.unknown", { names: this.unknownPreferences.join(",") });
        }
      },
    };
  }

  /**
   * Renoise drives timers from its idle loop: a timer fires when its interval
   * has passed since it last fired. So each firing schedules the next one an
   * interval later; a timer held up by a blocking call fires once, late (no
   * burst of missed periods), and keeps its period from then on.
   */
  private startTimer(ms: number): number {
    const id = this.nextTimer++;
    // Whole ms, at least 1: a zero interval would fire forever at one instant.
    const interval = Math.max(1, Math.round(ms));
    const fire = (): void => {
      arm(); // before running: the Lua code may remove the timer
      this.run("timer", (e) => e.fire_timer.call(id));
    };
    const arm = (): void => this.armAt(id, this.init.sim.now + interval, fire);
    arm();
    return id;
  }

  /**
   * Arms timer `id` to run `fn` at virtual time `due`. The clock's
   * setTimeout holds at most 2^31 − 1 ms (longer delays would fire at
   * once, as in browsers), so a longer wait is armed in steps of that size.
   * A due time past the largest exact virtual time never comes.
   */
  private armAt(id: number, due: number, fn: () => void): void {
    if (due > MAX_TIME) {
      this.timers.delete(id);
      return;
    }
    const left = due - this.init.sim.now;
    const step = left > MAX_CLOCK_DELAY ? (): void => this.armAt(id, due, fn) : fn;
    this.timers.set(id, this.after(Math.min(left, MAX_CLOCK_DELAY), step));
  }

  /** A clock timeout `ms` after the simulation's now (see Simulation.toolTimeout). */
  private after(ms: number, fn: () => void): ToolTimer {
    return this.init.sim.toolTimeout(fn, ms);
  }

  private stopTimer(id: number): void {
    const h = this.timers.get(id);
    if (h !== undefined) this.init.sim.clearToolTimeout(h);
    this.timers.delete(id);
  }

  private idleNotifiers(count: number): void {
    if (count > 0 && this.idleTimer === undefined) {
      const arm = (): void => {
        this.idleTimer = this.after(IDLE_INTERVAL_MS, () => {
          arm();
          this.run("app_idle_observable", (e) => e.fire_idle.call());
        });
      };
      arm();
    } else if (count === 0 && this.idleTimer !== undefined) {
      this.init.sim.clearToolTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
  }

  private message(kind: string, bytes: ByteString): void {
    const shown = toText(bytes);
    this.messages.push({ kind, text: shown });
    this.record(`app.${kind}`, { text: shown });
  }

  private prompt(titleBytes: ByteString, messageBytes: ByteString, buttonBytes: ByteString[]): ByteString {
    const [title, message] = [toText(titleBytes), toText(messageBytes)];
    const buttons = buttonBytes.map(toText);
    const [answer, scripted] = this.answer(message, buttons);
    this.messages.push({ kind: "prompt", text: message });
    this.record("app.prompt", {
      title,
      text: message,
      buttons: buttons.join("|"),
      answer,
      scripted,
    });
    const i = buttons.indexOf(answer);
    return i >= 0 ? buttonBytes[i]! : text(answer);
  }

  private filePrompt(call: string, title: string, exts: string): LuaInput {
    const extensions = exts === "" ? [] : exts.split(",");
    const scripted = this.init.filePrompts[this.filePromptIndex++];
    const multiple = call === "prompt_for_multiple_filenames_to_read";
    let answer = typeof scripted === "function" ? scripted(call, title, extensions) : scripted;
    answer ??= multiple ? [] : "";
    const list = Array.isArray(answer) ? answer : answer === "" ? [] : [answer];
    if (!list.every((a) => typeof a === "string")) {
      throw new SimulationUsageError(`loadLuaTool: options.filePrompts[${this.filePromptIndex - 1}] must give a path string or a list of paths`);
    }
    this.record(`app.${call}`, { title, extensions: exts, answer: list.join("|"), scripted: scripted !== undefined });
    this.messages.push({ kind: call, text: title });
    return multiple ? list.map((a) => text(a)) : text(list[0] ?? "");
  }

  /** The next scripted answer (or the first button): [label, scripted?]. */
  private answer(message: string, buttons: string[], dialog?: Dialog): [string, boolean] {
    const scripted = this.init.prompts[this.promptIndex++];
    let answer: string;
    if (scripted === undefined) answer = buttons[0] ?? "";
    else answer = typeof scripted === "function" ? scripted(message, buttons, dialog) : scripted;
    if (typeof answer !== "string") {
      throw new SimulationUsageError(
        `loadLuaTool: options.prompts[${this.promptIndex - 1}] must return a button label string, got ${typeof answer}`,
      );
    }
    return [answer, scripted !== undefined];
  }

  /**
   * `show_custom_prompt`: a modal dialog with buttons. It is open while the
   * scripted answer runs (a function answer can read and operate its views),
   * then closes; returns the chosen label.
   */
  customPrompt(title: string, content: View, buttons: string[], keyHandler?: KeyHandler): string {
    const dialog = this.dialogs.show(title, content, keyHandler, {}, buttons);
    try {
      const [answer, scripted] = this.answer(title, buttons, dialog);
      this.messages.push({ kind: "custom_prompt", text: title });
      this.record("app.custom_prompt", { title, buttons: buttons.join("|"), answer, scripted });
      return answer;
    } finally {
      dialog.close();
    }
  }

  /**
   * Runs a Lua entry point for a timer or observable; a Lua error becomes a
   * recorded `callback.error` and a thrown `CallbackError`.
   */
  run(callback: string, fn: (e: ToolEntryPoints) => unknown, strict = false): void {
    const e = this.entries;
    if (!e) {
      if (strict) throw new SimulationUsageError(`${callback}: the tool "${this.init.name}" is not loaded`);
      return;
    }
    const trace = this.init.sim.trace;
    const prevCause = trace.cause;
    trace.setCallbackCause(callback, trace.count);
    try {
      fn(e);
    } catch (err) {
      if (!(err instanceof LuaError)) throw err;
      this.record("callback.error", { callback, error: err.message });
      throw new CallbackError(
        `renoise-sim: ${callback} of Lua tool "${this.init.name}" on host "${this.init.host}" threw: ${err.message}`,
        callback,
        { cause: err },
      );
    } finally {
      trace.cause = prevCause;
    }
  }

  /** Stops every timer and the idle observable. */
  stopAll(): void {
    for (const h of this.timers.values()) this.init.sim.clearToolTimeout(h);
    this.timers.clear();
    if (this.idleTimer !== undefined) this.init.sim.clearToolTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** Number of running tool timers (not counting the idle observable). */
  get timerCount(): number {
    return this.timers.size;
  }
}
