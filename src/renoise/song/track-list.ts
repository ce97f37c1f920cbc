import type { ModelObject } from "../document/model.js";
import type { ObservableList } from "../document/observable-list.js";
import { createTrack, TRACK_TYPE, type GroupTrack, type Track } from "./track.js";
import {
  applyPlan,
  kindAt,
  planAddToGroup,
  planDelete,
  planDeleteGroup,
  planInsert,
  planInsertGroup,
  planRemoveFromGroup,
  planSwap,
  type LayoutPlan,
} from "./track-layout.js";

/** What the song-level track operations need of the song. */
export interface TrackListOwner extends ModelObject {
  readonly _tracks: ObservableList<Track>;
  readonly _selection: { track: number };
}

/** Colours new tracks get, in turn (a fixed palette: deterministic). */
const PALETTE: readonly (readonly [number, number, number])[] = [
  [0xb8, 0x4c, 0x4c], [0xb8, 0x8a, 0x4c], [0xa6, 0xb8, 0x4c], [0x4c, 0xb8, 0x6a],
  [0x4c, 0xb8, 0xb8], [0x4c, 0x7c, 0xb8], [0x7a, 0x4c, 0xb8], [0xb8, 0x4c, 0x9e],
];

const two = (n: number): string => String(n).padStart(2, "0");

function newTrack(song: TrackListOwner, type: number, index: number): Track {
  const items = song._tracks.items;
  const name =
    type === TRACK_TYPE.SEND
      ? `Send ${two(items.filter((t) => t.type === TRACK_TYPE.SEND).length + 1)}`
      : type === TRACK_TYPE.GROUP
        ? `Group ${two(index)}`
        : `Track ${two(index)}`;
  return createTrack(type, name, PALETTE[items.length % PALETTE.length]);
}

/**
 * Commits a layout plan to the song's track list: removed tracks leave (from
 * the right), new ones enter, then swaps put the rest in order, each a
 * `tracks_observable` notification. The selected track stays selected when
 * it is still there.
 */
function commit(song: TrackListOwner, plan: LayoutPlan<Track>): void {
  const list = song._tracks;
  const selected = list.items[song._selection.track - 1];
  const order = applyPlan(plan);
  const keep = new Set(order);
  for (let i = list.items.length; i >= 1; i--) {
    const t = list.items[i - 1] as Track;
    if (!keep.has(t)) {
      list.removeAt(i);
      t._owner = undefined;
    }
  }
  order.forEach((t, i) => {
    if (!list.items.includes(t)) {
      t._owner = song;
      list.insertAt(i + 1, t);
    }
  });
  order.forEach((t, i) => {
    const at = list.items.indexOf(t);
    if (at !== i) list.swap(i + 1, at + 1);
  });
  const now = selected ? list.items.indexOf(selected) + 1 : 0;
  const next = now > 0 ? now : Math.min(song._selection.track, list.items.length);
  if (next !== song._selection.track) {
    const old = song._selection.track;
    song._selection.track = next;
    song._context()?.changed("selected_track_index", old, next);
    song._notify("selected_track_index");
  }
  if (list.items[next - 1] !== selected) song._notify("selected_track");
}

/** `insert_track_at(index)`: a sequencer track, or a send track at or behind the master's index. */
export function insertTrackAt(song: TrackListOwner, index: number): Track {
  const tracks = song._tracks.items;
  const plan = planInsert(tracks, index, placeholder, "insert_track_at");
  const track = newTrack(song, kindAt(tracks, index) === "send" ? TRACK_TYPE.SEND : TRACK_TYPE.SEQUENCER, index);
  song._called("insert_track_at", [index]);
  commit(song, swapPlaceholder(plan, track));
  return track;
}

/** `insert_group_at(index)`: a new, empty group track before the master. */
export function insertGroupAt(song: TrackListOwner, index: number): GroupTrack {
  const plan = planInsertGroup(song._tracks.items, index, placeholder, "insert_group_at");
  const group = newTrack(song, TRACK_TYPE.GROUP, index) as GroupTrack;
  song._called("insert_group_at", [index]);
  commit(song, swapPlaceholder(plan, group));
  return group;
}

/** `delete_track_at(index)`: a group goes with its members. */
export function deleteTrackAt(song: TrackListOwner, index: number): void {
  const plan = planDelete(song._tracks.items, index, "delete_track_at");
  song._called("delete_track_at", [index]);
  commit(song, plan);
}

/** `swap_tracks_at(a, b)`. */
export function swapTracksAt(song: TrackListOwner, index1: number, index2: number): void {
  const plan = planSwap(song._tracks.items, index1, index2, "swap_tracks_at");
  song._called("swap_tracks_at", [index1, index2]);
  commit(song, plan);
}

/** `add_track_to_group(track_index, group_index)`. */
export function addTrackToGroup(song: TrackListOwner, trackIndex: number, groupIndex: number): void {
  const group = (): Track => newTrack(song, TRACK_TYPE.GROUP, groupIndex + 1);
  const plan = planAddToGroup(song._tracks.items, trackIndex, groupIndex, group, "add_track_to_group");
  song._called("add_track_to_group", [trackIndex, groupIndex]);
  commit(song, plan);
}

/** `remove_track_from_group(track_index)`. */
export function removeTrackFromGroup(song: TrackListOwner, trackIndex: number): void {
  const plan = planRemoveFromGroup(song._tracks.items, trackIndex, "remove_track_from_group");
  song._called("remove_track_from_group", [trackIndex]);
  commit(song, plan);
}

/** `delete_group_at(index)`: the group and all its members. */
export function deleteGroupAt(song: TrackListOwner, groupIndex: number): void {
  const plan = planDeleteGroup(song._tracks.items, groupIndex, "delete_group_at");
  song._called("delete_group_at", [groupIndex]);
  commit(song, plan);
}

/** `sequencer_track_count`: tracks before the master (sequencer and group tracks). */
export function sequencerTrackCount(song: TrackListOwner): number {
  const i = song._tracks.items.findIndex((t) => t.type === TRACK_TYPE.MASTER);
  return i < 0 ? song._tracks.items.length : i;
}

// Index checks run before the new track exists, so nothing is built for bad input.
const placeholder = { kind: "sequencer", layoutParent: undefined } as unknown as Track;

function swapPlaceholder(plan: LayoutPlan<Track>, track: Track): LayoutPlan<Track> {
  const parents = new Map<Track, Track | undefined>();
  for (const [k, v] of plan.parents) parents.set(k === placeholder ? track : k, v);
  return { order: plan.order.map((t) => (t === placeholder ? track : t)), parents };
}
