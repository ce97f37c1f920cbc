import type { OscValue } from "../osc/types.js";
import type { OscRealtimeSong, TriggeredEvent } from "./types.js";

/** Addresses Renoise handles internally: they never reach the actions script. */
export const REALTIME_ADDRESSES: ReadonlySet<string> = new Set([
  "/renoise/trigger/note_on",
  "/renoise/trigger/note_off",
  "/renoise/trigger/midi",
]);

type Outcome = { event: TriggeredEvent } | { reason: string };

const NUMERIC = new Set(["i", "h", "f", "d"]);

function integers(args: readonly OscValue[], count: number, address: string): number[] | string {
  if (args.length !== count) return `${address} expects ${count} argument(s), got ${args.length}`;
  const out: number[] = [];
  for (const [i, a] of args.entries()) {
    if (!NUMERIC.has(a.tag)) return `argument ${i + 1} of ${address} must be a number, got tag '${a.tag}'`;
    const v = Number(a.value);
    if (!Number.isInteger(v)) return `argument ${i + 1} of ${address} must be a whole number, got ${v}`;
    out.push(v);
  }
  return out;
}

function resolve(value: number, base: 0 | 1, selected: number, count: number, what: string): number | string {
  const index = value === -1 ? selected : value + (1 - base);
  if (index < 1 || index > count) return `${what} index ${value} is out of range (the song has ${count})`;
  return index;
}

/**
 * Applies one realtime trigger message: validates its arguments, resolves
 * -1 to the selected instrument/track and returns the triggered event, or
 * why it was rejected. Indices in the event are 1-based.
 */
export function realtimeTrigger(
  address: string,
  args: readonly OscValue[],
  song: OscRealtimeSong,
  base: 0 | 1,
  time: number,
): Outcome {
  if (address === "/renoise/trigger/midi") {
    const v = integers(args, 1, address);
    if (typeof v === "string") return { reason: v };
    const packed = v[0]! >>> 0;
    return { event: { kind: "midi", time, bytes: [packed & 0xff, (packed >>> 8) & 0xff, (packed >>> 16) & 0xff] } };
  }
  const on = address === "/renoise/trigger/note_on";
  const v = integers(args, on ? 4 : 3, address);
  if (typeof v === "string") return { reason: v };
  const instrument = resolve(v[0]!, base, song.selected_instrument_index, song.instrumentCount, "instrument");
  if (typeof instrument === "string") return { reason: instrument };
  const track = resolve(v[1]!, base, song.selected_track_index, song.trackCount, "track");
  if (typeof track === "string") return { reason: track };
  const note = v[2]!;
  if (note < 0 || note > 119) return { reason: `note ${note} is out of range (0 - 119)` };
  if (!on) return { event: { kind: "note_off", time, instrument, track, note } };
  const velocity = v[3]!;
  if (velocity < 0 || velocity > 127) return { reason: `velocity ${velocity} is out of range (0 - 127)` };
  return { event: { kind: "note_on", time, instrument, track, note, velocity } };
}
