import { createRequire } from "node:module";

/**
 * Node's `require`, for the CommonJS packages renoise-sim loads on first use
 * rather than when it is imported (luaparse, @sinonjs/fake-timers, ajv): most
 * processes never need them, and each cost tens of milliseconds of a
 * process's start (every `npm test` worker, every command line run). Made
 * from this module's URL (the CommonJS build has it through tsup's shims), so
 * packages resolve from renoise-sim's own place.
 *
 * @internal
 */
export const nodeRequire: NodeJS.Require = createRequire(import.meta.url);
