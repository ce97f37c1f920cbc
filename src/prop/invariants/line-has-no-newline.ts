import { escapeBytes } from "../../core/bytes.js";
import type { Invariant } from "./types.js";
import { at, payloadOf } from "./trace-view.js";

/** R12: receive("*line") returns a line without its newline: never a "\n" or "\r". */
export const lineHasNoNewline: Invariant = {
  name: "line-has-no-newline",
  rule: "R12",
  description: 'receive("*line") never returns a newline character',
  kinds: ["client.receive"],
  check({ events }) {
    const out: string[] = [];
    for (const e of events) {
      if (e.kind !== "client.receive" || (e.mode !== "*line" && e.mode !== "*l")) continue;
      const data = payloadOf(e);
      if (data !== undefined && /[\r\n]/.test(data)) {
        out.push(`${at(e)} ${e.host} receive("*line") returned "${escapeBytes(data, 60)}"`);
      }
    }
    return out;
  },
};
