import type { OscValue } from "../osc/types.js";

/** One argument as the log shows it: `i:120`, `s:"text"`, `T`. */
function one(a: OscValue): string {
  if (a.value === undefined) return a.tag;
  if (typeof a.value === "string") return `${a.tag}:${JSON.stringify(a.value)}`;
  return `${a.tag}:${String(a.value)}`;
}

/** The arguments of a message as one short string for the trace and the log. */
export function describeArguments(args: readonly OscValue[]): string {
  return args.map(one).join(" ");
}
