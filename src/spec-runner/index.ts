/**
 * Lua tests for Renoise tool authors: busted-style specs and Renoise-style
 * scripts run against the simulation (`renoise-sim test`). See docs/lua-testing.md.
 */
export { runSpecs } from "./runner.js";
export { junitXml } from "./reporters/junit.js";
export { tapReporter } from "./reporters/tap.js";
export { terminalReporter } from "./reporters/terminal.js";
export { SIM_SECTIONS, type SimSection, type SpecWorld } from "./sim-binding.js";
export { starterSpec, surveyTool, type ToolSurvey } from "./init.js";
export type { SpecListener, SpecLoadError, SpecRunOptions, SpecRunSummary, SpecStatus, SpecTestResult } from "./types.js";
export { SpecUsageError } from "./types.js";
