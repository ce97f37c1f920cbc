/**
 * Embedded Lua host for running Renoise tool code (phase 1: the VM, without
 * the renoise.Socket binding). See vm.ts for the entry point.
 */
export { createLuaVm, LuaVm, type LuaVmOptions } from "./vm.js";
export { LuaBridge, type RawHostFunction } from "./bridge.js";
export { LuaRef, type LuaRefType } from "./ref.js";
export {
  multi,
  LuaMulti,
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
