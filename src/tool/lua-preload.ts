import type { LuaPreloadChunk } from "../lua/index.js";
import { DOCUMENT_LUA } from "./lua/document.js";
import { IDENT_LUA } from "./lua/ident.js";
import { OBSERVABLE_LUA } from "./lua/observable.js";
import { TABLES_LUA } from "./lua/tables.js";
import { TOOL_API_LUA } from "./lua/tool-api.js";
import { VIEWS_LUA } from "./lua/views.js";
import { songLuaChunks } from "./song-binding.js";
import { GLOBAL_MIDI_ACTIONS_PRELOAD_LUA } from "./global-midi-actions.js";
import { GLOBAL_MIDI_ACTIONS_LUA } from "../renoise/osc-server/global-midi-actions.js";
import { xmlHost } from "./xml-host.js";
import { socketClassTemplates } from "./socket-binding.js";
import { viewsChunkArgs } from "./views-binding.js";
import { RENOISE_TABLE_LUA, renoiseTemplateArgs, renoiseTemplatePlaceholders } from "./renoise-static.js";
import { TOOL_HOST_LATE_KEYS, toolHostPlaceholders } from "./tool-host-template.js";

/** The entry points the tool API's chunk returns (see `ToolEntryPoints`), in the order `tool_entries` returns them. @internal */
export const TOOL_ENTRY_POINTS = [
  "fire_timer",
  "fire_idle",
  "fire_unload",
  "fire_finished_loading",
  "invoke_menu",
  "invoke_keybinding",
  "invoke_midi_mapping",
  "fire_app_observable",
  "invoke_import_hook",
  "preferences_xml",
  "preferences",
] as const;

/**
 * The binding chunks every tool VM runs (`=[renoise-sim <name>]`), compiled
 * once into the VM snapshot instead of parsed per tool load (see
 * `LuaVmOptions.preload`). Most also run there once (`runInTemplate`):
 * a tool load takes their results from the template. Those that are the
 * same in every VM (helpers, `renoise.Document`, the GlobalMidiActions
 * preload) run as they are; the `renoise` table, the tool API
 * (`renoise.tool()`, `renoise.app()`) and the song API's chunks run with
 * placeholder host functions that each tool load binds to its own
 * (`perVm`). One array for the process: it selects the snapshot. A chunk
 * left out (or changed later) is simply parsed as before.
 *
 * @internal
 */
export const TOOL_LUA_PRELOAD: readonly LuaPreloadChunk[] = Object.freeze<LuaPreloadChunk[]>([
  { name: "tables", source: TABLES_LUA, runInTemplate: () => [] },
  { name: "ident", source: IDENT_LUA },
  // The views helpers and renoise.ViewBuilder (each tool load binds new_builder).
  {
    name: "views",
    source: VIEWS_LUA,
    runInTemplate: () =>
      viewsChunkArgs(() => {
        throw new Error("renoise-sim: host function 'new_builder' of the tool VM template ran before a tool was bound to the VM");
      }),
    perVm: { late: [], argNames: ["ViewBuilder constants", "views host"] },
  },
  { name: "observable", source: OBSERVABLE_LUA, runInTemplate: () => [] },
  { name: "document", source: DOCUMENT_LUA, runInTemplate: (results) => [results("observable")[0], xmlHost()] },
  // The renoise table with its constants and renoise.song (each tool load binds it and adds the rest).
  {
    name: "renoise_table",
    source: RENOISE_TABLE_LUA,
    runInTemplate: () => renoiseTemplateArgs(renoiseTemplatePlaceholders()),
    perVm: { late: [], argNames: ["renoise", "renoise functions"] },
  },
  {
    name: "tool",
    source: TOOL_API_LUA,
    runInTemplate: (results) => [toolHostPlaceholders(), results("observable")[0], ...results("document")],
    perVm: { late: TOOL_HOST_LATE_KEYS },
  },
  {
    name: "tool_entries",
    source: `local E = ...\nreturn ${TOOL_ENTRY_POINTS.map((n) => `E.${n}`).join(", ")}`,
    runInTemplate: (results) => [results("tool")[0]],
  },
  ...songLuaChunks.map(
    (c): LuaPreloadChunk =>
      c.templateArgs === undefined
        ? { name: c.name, source: c.source }
        : { name: c.name, source: c.source, runInTemplate: c.templateArgs, ...(c.perVmArgs ? { perVm: { late: [] } } : {}) },
  ),
  // The socket classes' metatables (each tool load binds them on first use).
  { name: "socket_classes", source: "", hostClasses: socketClassTemplates },
  {
    name: "global_midi_actions",
    source: GLOBAL_MIDI_ACTIONS_PRELOAD_LUA,
    runInTemplate: () => [GLOBAL_MIDI_ACTIONS_LUA],
  },
]);
