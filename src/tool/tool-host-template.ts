import type { LuaInput } from "../lua/index.js";
import { APPLICATION_WINDOW_CONSTANTS } from "../renoise/app/window.js";
import { ToolHost, type ToolHostInit } from "./tool-host.js";

/**
 * Keys of the tool API's `host` table (lua/tool-api.ts) that differ from
 * one tool to the next. The tool API chunk runs once in the tool VM
 * template with placeholders (see {@link toolHostPlaceholders}); each tool
 * load writes these into the template's `host` table. The chunk reads them
 * only inside the functions it defines (`renoise.tool().name`, the
 * preferences setter), never while it loads.
 *
 * @internal
 */
export const TOOL_HOST_LATE_KEYS: readonly string[] = Object.freeze([
  "tool_name",
  "tool_id",
  "bundle_path",
  "saved_preferences",
]);

/**
 * The tool API's `host` table as the tool VM template sees it: the shape of
 * a loaded tool's (`ToolHost.table()`, then bindApp's entries, then
 * `installed_tools`), every function a placeholder that each tool load
 * points at its own (`LuaVm.templateResults`), the late keys blank.
 *
 * @internal
 */
export function toolHostPlaceholders(): Record<string, LuaInput> {
  const blank = { name: "", id: "", bundlePath: "", preferences: {}, prompts: [], filePrompts: [] };
  const host = new ToolHost(blank as unknown as ToolHostInit).table();
  const shape: Record<string, LuaInput> = {
    ...host,
    window: undefined,
    window_constants: { ...APPLICATION_WINDOW_CONSTANTS },
    custom_dialog: undefined,
    custom_prompt: undefined,
    installed_tools: undefined,
  };
  for (const k of ["window", "custom_dialog", "custom_prompt", "installed_tools"]) shape[k] = () => undefined;
  for (const [k, v] of Object.entries(shape)) {
    if (typeof v !== "function") continue;
    shape[k] = () => {
      throw new Error(`renoise-sim: host function '${k}' of the tool VM template ran before a tool was bound to the VM`);
    };
  }
  return shape;
}
