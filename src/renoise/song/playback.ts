import { modelEpoch } from "../document/model.js";
import { SongPos } from "./song-pos.js";
import type { Transport } from "./transport.js";

/**
 * Playback on virtual time. While playing, the position is computed from the
 * time elapsed since the last anchor: one line every 60000 / (bpm * lpb) ms.
 * At the end of a pattern playback goes to the next scheduled sequence slot,
 * or the next slot, or back to slot 1 after the last (Renoise plays the song
 * in a loop); `loop_pattern` repeats the current pattern; a loop range jumps
 * from its end back to its start. Changing tempo, loops or the sequence while
 * playing re-anchors at the current line (that line's timing restarts).
 *
 * @internal
 */
export class Playback {
  playing = false;
  /** Position at the anchor. */
  private pos = new SongPos(1, 1);
  /** Virtual time of the anchor (ms). */
  private t0 = 0;
  /** Lines already stepped from the anchor (cache). */
  private stepped = 0;
  private cachedAt = -1;

  constructor(private readonly transport: Transport) {}

  private now(): number {
    return this.transport._context()?.now?.() ?? 0;
  }

  /** The current position (while playing: computed for now). */
  position(): SongPos {
    if (!this.playing) return this.pos;
    const now = this.now();
    if (now === this.cachedAt) return this.pos;
    const t = this.transport;
    const lines = Math.floor(((now - this.t0) * t.bpm * t.lpb) / 60000 + 1e-9);
    if (lines > this.stepped) {
      this.pos = this.advance(this.pos, lines - this.stepped);
      this.stepped = lines;
    }
    this.cachedAt = now;
    return this.pos;
  }

  /** Re-anchors at the current line, now. */
  sync(): void {
    modelEpoch.n++;
    if (!this.playing) return;
    this.position();
    this.t0 = this.now();
    this.stepped = 0;
    this.cachedAt = -1;
  }

  /** Runs a change that shapes playback (loops, sequence) after re-anchoring. */
  change(fn: () => void): void {
    this.sync();
    fn();
  }

  /** Sets bpm or lpb: re-anchors, stores (trace, notifiers). */
  retime(name: "bpm" | "lpb", value: number): void {
    this.sync();
    this.transport.store(name, value);
  }

  start(from: SongPos): void {
    modelEpoch.n++;
    const was = this.playing;
    this.pos = from;
    this.playing = true;
    this.t0 = this.now();
    this.stepped = 0;
    this.cachedAt = -1;
    if (!was) this.changedPlaying(false, true);
  }

  stop(): void {
    modelEpoch.n++;
    if (!this.playing) return;
    this.position();
    this.playing = false;
    this.changedPlaying(true, false);
  }

  jump(to: SongPos): void {
    modelEpoch.n++;
    this.pos = to;
    this.t0 = this.now();
    this.stepped = 0;
    this.cachedAt = -1;
  }

  private changedPlaying(old: boolean, value: boolean): void {
    const t = this.transport;
    t._context()?.changed(t._member("playing"), old, value);
    t._notify("playing");
  }

  /** The position `n` lines after `p`, following the song's play order. */
  advance(p: SongPos, n: number): SongPos {
    const t = this.transport;
    const song = t._song;
    let seq = p.sequence;
    let line = p.line;
    let rest = n;
    const loop = t._loopRange;
    let guard = 0;
    while (rest > 0) {
      if (++guard > 1_000_000) break;
      const len = song.patternLengthAt(seq);
      let end = len + 1; // first line past this pattern
      let inLoop = false;
      if (loop && SongPos.compare(new SongPos(seq, line), loop[0]) >= 0 && SongPos.compare(new SongPos(seq, line), loop[1]) < 0 && loop[1].sequence === seq) {
        end = Math.min(end, loop[1].line);
        inLoop = true;
      }
      const room = end - line;
      if (rest < room) {
        line += rest;
        break;
      }
      rest -= room;
      if (t.loop_pattern) {
        line = 1;
      } else if (inLoop) {
        seq = loop![0].sequence;
        line = loop![0].line;
      } else if (loop && seq === loop[1].sequence - 1 && loop[1].line === 1 && SongPos.compare(new SongPos(seq, line), loop[0]) >= 0) {
        seq = loop[0].sequence;
        line = loop[0].line;
      } else {
        const next = t._scheduled.shift();
        seq = next ?? (seq >= song.sequencer.pattern_sequence.length ? 1 : seq + 1);
        line = 1;
      }
    }
    return new SongPos(seq, line);
  }
}
