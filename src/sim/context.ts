// The socket double's needs from its simulation are defined by the model (renoise/socket/context.ts); the simulation implements them.
export type { SemanticsOptions, SimContext } from "../renoise/socket/context.js";
