/**
 * Renoise's pattern notation as text, to fill a pattern track (or phrase) in
 * a fixture and to render one for a snapshot:
 *
 * ```text
 * C-4 01 40 ..  ---  .. .. ..  0A40
 * OFF .. .. ..  E-4 02 .. 80  ....
 * ```
 *
 * One text line per pattern line. Each note column is a note (`C-4`, `C#4`,
 * `OFF`, `---`) followed by its instrument, volume and panning (two
 * characters each, `..` for empty), then the delay when the layout shows it,
 * then the note column's sample effect (`0A40`) when the layout shows it.
 * Effect columns follow the note columns as four characters (`0A40`,
 * `....`/`0000` for empty). Whitespace separates cells; `|` is ignored, so
 * columns can be boxed for readability.
 */
import {
  DELAY,
  EFFECT_AMOUNT,
  EFFECT_FIELDS,
  EFFECT_NUMBER,
  INSTRUMENT,
  NC_EFFECT_AMOUNT,
  NC_EFFECT_NUMBER,
  NOTE,
  NOTE_FIELDS,
  PANNING,
  VOLUME,
  type LineStore,
} from "./line-store.js";
import {
  amountToString,
  byteFromString,
  byteOrEmptyToString,
  delayToString,
  effectNumberFromString,
  effectNumberToString,
  EMPTY_INSTRUMENT,
  instrumentFromString,
  noteFromString,
  noteToString,
  volPanFromString,
  volPanToString,
} from "./note-column-values.js";
import { PatternValueError } from "./pattern-errors.js";

/** Which sub-columns the text shows (defaults in brackets). */
export interface PatternTextLayout {
  /** Volume sub-column [true]. */
  volume?: boolean;
  /** Panning sub-column [true]. */
  panning?: boolean;
  /** Delay sub-column [render: when any line has a delay; parse: false]. */
  delay?: boolean;
  /** The note column's sample effect [false]. */
  sampleEffects?: boolean;
}

/** Options of {@link renderPatternText}. */
export interface RenderOptions extends PatternTextLayout {
  /** Note columns shown [the highest one in use, at least 1]. */
  noteColumns?: number;
  /** Effect columns shown [the highest one in use]. */
  effectColumns?: number;
  /** First and last line shown [all lines]. */
  from?: number;
  to?: number;
}

/** A parsed line: values per field, in store layout order (see line-store.ts). */
export interface ParsedLine {
  notes: number[][];
  effects: number[][];
}

const NOTE_TOKEN = /^(?:[A-Ga-g][-#][0-9]|OFF|---)$/;
const EFFECT_TOKEN = /^(?:[0-9A-Z.]{2}[0-9A-Fa-f.]{2})$/;

function cleanLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Parses pattern text into lines of values (see the module comment). */
export function parsePatternText(text: string, layout: PatternTextLayout = {}): ParsedLine[] {
  const subs = subColumns(layout, false);
  return cleanLines(text).map((line, i) => {
    try {
      return parseLine(line, subs, layout.sampleEffects === true);
    } catch (e) {
      if (e instanceof PatternValueError) {
        throw new PatternValueError(`pattern text line ${i + 1} ("${line}"): ${e.message}`);
      }
      throw e;
    }
  });
}

type Sub = typeof INSTRUMENT | typeof VOLUME | typeof PANNING | typeof DELAY;

function subColumns(layout: PatternTextLayout, delayDefault: boolean): Sub[] {
  const subs: Sub[] = [INSTRUMENT];
  if (layout.volume !== false) subs.push(VOLUME);
  if (layout.panning !== false) subs.push(PANNING);
  if (layout.delay ?? delayDefault) subs.push(DELAY);
  return subs;
}

function emptyNote(): number[] {
  return [121, 255, 255, 255, 0, 0, 0];
}

function parseLine(line: string, subs: Sub[], sampleEffects: boolean): ParsedLine {
  const tokens = line.split(/\s+/).filter((t) => t !== "" && t !== "|");
  const notes: number[][] = [];
  const effects: number[][] = [];
  let i = 0;
  while (i < tokens.length && NOTE_TOKEN.test(tokens[i]!)) {
    const col = emptyNote();
    col[NOTE] = noteFromString(tokens[i++]!.toUpperCase(), "note");
    for (const sub of subs) {
      const t = tokens[i];
      if (t === undefined || t.length !== 2) break;
      i++;
      col[sub] = parseSub(sub, t);
    }
    if (sampleEffects && tokens[i]?.length === 4) {
      const fx = parseEffect(tokens[i++]!);
      col[NC_EFFECT_NUMBER] = fx[0]!;
      col[NC_EFFECT_AMOUNT] = fx[1]!;
    }
    notes.push(col);
  }
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!EFFECT_TOKEN.test(t)) {
      throw new PatternValueError(
        `unexpected "${t}" (a note column is a note like C-4 followed by two-character cells; an effect column is four characters like 0A40)`,
      );
    }
    effects.push(parseEffect(t));
  }
  return { notes, effects };
}

function parseSub(sub: Sub, t: string): number {
  switch (sub) {
    case INSTRUMENT:
      return instrumentFromString(t, "instrument");
    case VOLUME:
      return volPanFromString(t, "volume");
    case PANNING:
      return volPanFromString(t, "panning");
    default:
      return byteFromString(t, "delay");
  }
}

function parseEffect(t: string): number[] {
  const number = t.slice(0, 2) === ".." ? 0 : effectNumberFromString(t.slice(0, 2), "effect number");
  const amount = t.slice(2) === ".." ? 0 : byteFromString(t.slice(2), "effect amount");
  return [number, amount];
}

/**
 * Writes parsed text into lines `start..` of a store (each text line replaces
 * the whole pattern line). Raises when the text has more lines or columns
 * than the store.
 */
export function writePatternText(
  store: LineStore,
  numberOfLines: number,
  text: string,
  options: PatternTextLayout & { start?: number } = {},
): void {
  const parsed = parsePatternText(text, options);
  const start = options.start ?? 1;
  if (start + parsed.length - 1 > numberOfLines) {
    throw new PatternValueError(
      `pattern text has ${parsed.length} lines from line ${start}, but there are only ${numberOfLines} lines`,
    );
  }
  parsed.forEach((p, i) => {
    if (p.notes.length > store.noteColumns || p.effects.length > store.effectColumns) {
      throw new PatternValueError(
        `pattern text line ${i + 1} has ${p.notes.length} note and ${p.effects.length} effect columns; this track has ${store.noteColumns} and ${store.effectColumns}`,
      );
    }
  });
  parsed.forEach((p, i) => {
    const offsets: number[] = [];
    const values: number[] = [];
    for (let c = 0; c < store.noteColumns; c++) {
      const col = p.notes[c] ?? emptyNote();
      for (let f = 0; f < NOTE_FIELDS; f++) {
        offsets.push(c * NOTE_FIELDS + f);
        values.push(col[f]!);
      }
    }
    for (let c = 0; c < store.effectColumns; c++) {
      const col = p.effects[c] ?? [0, 0];
      offsets.push(store.effectBase + c * EFFECT_FIELDS + EFFECT_NUMBER, store.effectBase + c * EFFECT_FIELDS + EFFECT_AMOUNT);
      values.push(col[0]!, col[1]!);
    }
    store.setMany(start + i, offsets, values);
  });
}

/** Renders lines of a store as pattern text (see the module comment). */
export function renderPatternText(store: LineStore, numberOfLines: number, options: RenderOptions = {}): string {
  const from = options.from ?? 1;
  const to = Math.min(options.to ?? numberOfLines, numberOfLines);
  let usedNotes = 0;
  let usedEffects = 0;
  let usedDelay = false;
  for (let l = from; l <= to; l++) {
    for (let c = store.noteColumns; c > usedNotes; c--) {
      if (!store.fieldsEmpty(l, (c - 1) * NOTE_FIELDS, c * NOTE_FIELDS)) {
        usedNotes = c;
        break;
      }
    }
    for (let c = 0; c < store.noteColumns && !usedDelay; c++) {
      if (store.get(l, c * NOTE_FIELDS + DELAY) !== 0) usedDelay = true;
    }
    for (let c = store.effectColumns; c > usedEffects; c--) {
      const b = store.effectBase + (c - 1) * EFFECT_FIELDS;
      if (!store.fieldsEmpty(l, b, b + EFFECT_FIELDS)) {
        usedEffects = c;
        break;
      }
    }
  }
  const noteCols = Math.min(options.noteColumns ?? Math.max(usedNotes, store.noteColumns > 0 ? 1 : 0), store.noteColumns);
  const effectCols = Math.min(options.effectColumns ?? usedEffects, store.effectColumns);
  const subs = subColumns(options, usedDelay);
  const out: string[] = [];
  for (let l = from; l <= to; l++) {
    const cells: string[] = [];
    for (let c = 0; c < noteCols; c++) {
      const b = c * NOTE_FIELDS;
      const parts = [noteToString(store.get(l, b + NOTE))];
      for (const sub of subs) parts.push(renderSub(sub, store.get(l, b + sub)));
      if (options.sampleEffects) {
        parts.push(renderEffect(store.get(l, b + NC_EFFECT_NUMBER), store.get(l, b + NC_EFFECT_AMOUNT)));
      }
      cells.push(parts.join(" "));
    }
    for (let c = 0; c < effectCols; c++) {
      const b = store.effectBase + c * EFFECT_FIELDS;
      cells.push(renderEffect(store.get(l, b + EFFECT_NUMBER), store.get(l, b + EFFECT_AMOUNT)));
    }
    out.push(cells.join("  "));
  }
  return out.join("\n");
}

function renderSub(sub: Sub, v: number): string {
  switch (sub) {
    case INSTRUMENT:
      return byteOrEmptyToString(v, EMPTY_INSTRUMENT);
    case VOLUME:
    case PANNING:
      return volPanToString(v);
    default:
      return delayToString(v);
  }
}

function renderEffect(number: number, amount: number): string {
  return number === 0 && amount === 0 ? "...." : effectNumberToString(number) + amountToString(amount);
}
