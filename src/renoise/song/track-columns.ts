import type { PropDef } from "../document/model.js";
import { ModelError } from "../document/model.js";
import { checkIndex, describe } from "./track-errors.js";

/** What the column rules need of a track. */
interface ColumnTrack {
  readonly type: number;
  _v: Record<string, unknown>;
  store(name: string, value: unknown, notify?: boolean): boolean;
  _notify(name: string, ...args: unknown[]): void;
  _called(method: string, args: readonly unknown[]): void;
  /** @internal pattern data follows a column swap (set by the patterns module). */
  _onColumnSwap?: ((kind: "note" | "effect", a: number, b: number) => void) | undefined;
}

const SEQUENCER = 1;
export const MAX_NOTE_COLUMNS = 12;
export const MAX_EFFECT_COLUMNS = 8;

const hasNotes = (t: ColumnTrack): boolean => t.type === SEQUENCER;
const minNotes = (t: ColumnTrack): number => (hasNotes(t) ? 1 : 0);
const maxNotes = (t: ColumnTrack): number => (hasNotes(t) ? MAX_NOTE_COLUMNS : 0);
const minEffects = (t: ColumnTrack): number => (hasNotes(t) ? 0 : 1);

/** Initial column state of a track of `type`. */
export function initialColumns(type: number): Record<string, unknown> {
  const seq = type === SEQUENCER;
  return {
    visible_note_columns: seq ? 1 : 0,
    visible_effect_columns: 1,
    volume_column_visible: seq,
    panning_column_visible: false,
    delay_column_visible: false,
    sample_effects_column_visible: false,
    column_names: Array.from({ length: MAX_NOTE_COLUMNS }, () => ""),
    column_mutes: Array.from({ length: MAX_NOTE_COLUMNS }, () => false),
  };
}

const subColumn = (label: string): PropDef<ColumnTrack> => ({
  type: "boolean",
  observable: true,
  check: (t) => (hasNotes(t) ? undefined : `${label}: only sequencer tracks have note columns with this sub-column`),
});

/**
 * The pattern-editor column properties of a track. Sequencer tracks have 1-12
 * note columns and 0-8 effect columns; master, send and group tracks have no
 * note columns, 1-8 effect columns and no volume, panning, delay or sample
 * effect sub-columns.
 */
export const COLUMN_PROPS: Record<string, PropDef<ColumnTrack>> = {
  min_note_columns: { type: "integer", readonly: true, get: minNotes },
  max_note_columns: { type: "integer", readonly: true, get: maxNotes },
  min_effect_columns: { type: "integer", readonly: true, get: minEffects },
  max_effect_columns: { type: "integer", readonly: true, get: () => MAX_EFFECT_COLUMNS },
  visible_note_columns: { type: "integer", observable: true, range: (t) => [minNotes(t), maxNotes(t)] },
  visible_effect_columns: { type: "integer", observable: true, range: (t) => [minEffects(t), MAX_EFFECT_COLUMNS] },
  volume_column_visible: subColumn("volume_column_visible"),
  panning_column_visible: subColumn("panning_column_visible"),
  delay_column_visible: subColumn("delay_column_visible"),
  sample_effects_column_visible: subColumn("sample_effects_column_visible"),
};

function noteIndex(t: ColumnTrack, i: unknown, what: string): number {
  checkIndex(i, 1, maxNotes(t), what);
  return i;
}

/** `column_is_muted(i)`. */
export function columnIsMuted(t: ColumnTrack, i: number): boolean {
  return (t._v.column_mutes as boolean[])[noteIndex(t, i, "column_is_muted") - 1] as boolean;
}

/** `column_name(i)`. */
export function columnName(t: ColumnTrack, i: number): string {
  return (t._v.column_names as string[])[noteIndex(t, i, "column_name") - 1] as string;
}

/** `set_column_is_muted(i, muted)` / `set_column_name(i, name)`. */
export function setColumn(t: ColumnTrack, list: "column_mutes" | "column_names", i: number, v: unknown): void {
  const what = list === "column_mutes" ? "set_column_is_muted" : "set_column_name";
  noteIndex(t, i, what);
  const want = list === "column_mutes" ? "boolean" : "string";
  if (typeof v !== want) throw new ModelError(`bad argument #2 to '${what}': ${want} expected, got ${describe(v)}`);
  const next = [...(t._v[list] as unknown[])];
  if (next[i - 1] === v) return;
  next[i - 1] = v;
  t.store(list, next, false);
  t._notify(`${list === "column_mutes" ? "column_is_muted" : "column_name"}_${i}`);
}

/** `swap_note_columns_at(a, b)`: names, mutes and (through the patterns module) note data trade places. */
export function swapNoteColumns(t: ColumnTrack, a: number, b: number): void {
  noteIndex(t, a, "swap_note_columns_at");
  noteIndex(t, b, "swap_note_columns_at");
  if (a === b) return;
  t._called("swap_note_columns_at", [a, b]);
  for (const list of ["column_names", "column_mutes"] as const) {
    const next = [...(t._v[list] as unknown[])];
    [next[a - 1], next[b - 1]] = [next[b - 1], next[a - 1]];
    t._v[list] = next;
  }
  t._onColumnSwap?.("note", a, b);
  for (const i of [a, b]) {
    t._notify(`column_name_${i}`);
    t._notify(`column_is_muted_${i}`);
  }
}

/** `swap_effect_columns_at(a, b)`: effect column data trade places (through the patterns module). */
export function swapEffectColumns(t: ColumnTrack, a: number, b: number): void {
  checkIndex(a, 1, MAX_EFFECT_COLUMNS, "swap_effect_columns_at");
  checkIndex(b, 1, MAX_EFFECT_COLUMNS, "swap_effect_columns_at");
  if (a === b) return;
  t._called("swap_effect_columns_at", [a, b]);
  t._onColumnSwap?.("effect", a, b);
}
