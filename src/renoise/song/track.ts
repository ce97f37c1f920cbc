import { defineModel, ModelObject } from "../document/model.js";

/** renoise.Track.TRACK_TYPE_*. */
export const TRACK_TYPE = { SEQUENCER: 1, MASTER: 2, SEND: 3, GROUP: 4 } as const;
/** renoise.Track.MUTE_STATE_*. */
export const MUTE_STATE = { ACTIVE: 1, OFF: 2, MUTED: 3 } as const;

/** renoise.Track: one track of the song (sequencer, group, send or master). */
export class Track extends ModelObject {
  declare readonly type: number;
  declare name: string;
  declare mute_state: number;

  constructor(type: number, name: string) {
    super();
    this._v.type = type;
    this._v.name = name;
    this._v.mute_state = MUTE_STATE.ACTIVE;
  }

  /** @internal "tracks[i]" (its place in the song's list). */
  override _path(): string {
    const song = this._owner as { tracks?: readonly Track[] } | undefined;
    const i = song?.tracks?.indexOf(this) ?? -1;
    return i >= 0 ? `tracks[${i + 1}]` : "track";
  }
}

defineModel(Track, {
  typeName: "Track",
  props: {
    type: { type: "integer", readonly: true },
    name: { type: "string", observable: true },
    mute_state: { type: "integer", min: 1, max: 3, observable: true },
  },
});
