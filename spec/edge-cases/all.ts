import type { EdgeCase } from "./edge-case.js";
import { mergedRequests } from "./merged-requests.js";
import { refusedConnect } from "./refused-connect.js";
import { resetMidStream } from "./reset-mid-stream.js";
import { splitRequest } from "./split-request.js";
import { timeoutThenLateReply } from "./timeout-then-late-reply.js";
import { udpReorder } from "./udp-reorder.js";

/** Every documented edge case, in the order of the docs index. */
export const EDGE_CASES: readonly EdgeCase[] = [splitRequest, mergedRequests, resetMidStream, refusedConnect, timeoutThenLateReply, udpReorder];
