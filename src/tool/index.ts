/**
 * Runs Renoise Lua tools in a simulation: the `renoise` global (Socket, Osc,
 * tool(), app(), Document) bound to the simulation, on the Lua VM of
 * src/lua. See docs/lua-tools.md.
 */
export {
  loadLuaTool,
  runLuaScript,
  RENOISE_API_VERSION,
  RENOISE_VERSION,
  type LuaTool,
  type LuaToolOptions,
} from "./tool.js";
export { IDLE_INTERVAL_MS, type LuaToolMessage, type PromptAnswer } from "./tool-host.js";
export type { ToolInfo } from "./manifest.js";
