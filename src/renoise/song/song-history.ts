import { ModelError } from "../document/model.js";
import type { Song } from "./song.js";

/**
 * Undo/redo and note triggers, recorded. The simulation keeps no undo
 * snapshots: `undo()`/`redo()` are recorded as calls (trace `song.call`) and
 * counted; `describe_undo` names the next undo step. Note triggers are
 * recorded with their arguments (no audio).
 *
 * @internal
 */
export class SongHistory {
  /** Descriptions given with describe_undo / describe_batch_undo, in order. */
  readonly descriptions: string[] = [];
  undos = 0;
  redos = 0;
  /** Note triggers, in order. */
  readonly triggers: { call: string; args: unknown[] }[] = [];

  constructor(private readonly song: Song) {}

  undo(): void {
    this.undos++;
    this.song._called("undo", []);
  }

  redo(): void {
    this.redos++;
    this.song._called("redo", []);
  }

  canUndo(): boolean {
    return false;
  }

  canRedo(): boolean {
    return false;
  }

  describe(description: string, timeout?: number): void {
    if (typeof description !== "string") throw new ModelError("describe_undo: a description string is expected");
    this.descriptions.push(description);
    this.song._called("describe_undo", timeout === undefined ? [description] : [description, timeout]);
  }

  trigger(call: string, args: unknown[]): void {
    while (args.length && args[args.length - 1] === undefined) args.pop();
    const [first] = args;
    if (typeof first !== "number") throw new ModelError(`${call}: the instrument index must be a number`);
    this.triggers.push({ call, args });
    this.song._called(call, args);
  }
}
