/**
 * Embedded Lua host for running Renoise tool code: the VM layer (vm.ts is
 * the entry point). The `renoise` global is bound in src/tool.
 */
export { createLuaVm, LuaVm, TemplateRawFunction, type LuaPreloadChunk, type LuaVmOptions } from "./vm.js";
export {
  DEFAULT_LUA_EPOCH,
  type LuaProcessAnswer,
  type LuaProcessCall,
  type LuaSystemEvent,
} from "./system.js";
export { clearFrontEndCache, frontEndStats, type LuaDialect } from "./frontend/index.js";
export { clearCompileCache, compileCacheStats } from "./compile-cache.js";
export { LuaBridge, type RawHostFunction } from "./bridge.js";
export { LuaRef, type LuaRefType } from "./ref.js";
export {
  multi,
  LuaMulti,
  LuaRecords,
  type HostFunction,
  type HostObject,
  type HostResult,
  type LuaInput,
  type LuaValue,
} from "./values.js";
export { HostClass, type HostClassSpec, type HostProperty } from "./objects.js";
export {
  LuaError,
  LuaInstructionLimitError,
  LuaRaise,
  LuaSyntaxError,
  LuaVmClosedError,
} from "./errors.js";
export {
  dirFs,
  memoryFs,
  OutsideToolFolderError,
  OverlayFs,
  resolveToolPath,
  type ToolFileStat,
  type ToolFs,
  type ToolSource,
} from "./fs.js";
