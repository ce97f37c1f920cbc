import { check, checkIndex } from "./track-errors.js";

/** The four kinds of Renoise track (`renoise.Track.TRACK_TYPE_*` is 1-4 in this order). */
export type TrackKind = "sequencer" | "master" | "send" | "group";

/**
 * What the layout rules need of a track: its kind and its immediate group.
 * The rules below keep Renoise's invariants:
 *
 * - sequencer and group tracks come first, then the one master track, then
 *   the send tracks;
 * - a group's members (tracks and nested groups) stand in one contiguous run
 *   immediately to the left of the group track itself;
 * - master and send tracks are never in a group.
 */
export interface LayoutNode {
  readonly kind: TrackKind;
  /** The immediate group, or undefined at the top level. */
  layoutParent: LayoutNode | undefined;
}

/**
 * A change of the track list, computed without touching anything: the new
 * order and the new group parents. {@link applyPlan} commits it. Computing
 * first and committing afterwards is how bad input never corrupts the song.
 */
export interface LayoutPlan<T extends LayoutNode> {
  readonly order: T[];
  readonly parents: ReadonlyMap<T, T | undefined>;
}

/** Writes a plan's parents; returns the new order. */
export function applyPlan<T extends LayoutNode>(plan: LayoutPlan<T>): T[] {
  for (const [t, p] of plan.parents) t.layoutParent = p;
  return plan.order;
}

/** True if `t` is a (direct or nested) member of group `g`. */
export function isMemberOf(t: LayoutNode, g: LayoutNode): boolean {
  for (let p = t.layoutParent; p !== undefined; p = p.layoutParent) if (p === g) return true;
  return false;
}

/** 0-based index of the master track. */
export function masterPosition(tracks: readonly LayoutNode[]): number {
  const i = tracks.findIndex((t) => t.kind === "master");
  if (i < 0) throw new Error("track layout without a master track");
  return i;
}

/**
 * The 0-based range `[first, last]` that moves with the track at `i`: a
 * group with all its members, any other track alone.
 */
export function unitRange(tracks: readonly LayoutNode[], i: number): [number, number] {
  const t = tracks[i];
  if (t === undefined || t.kind !== "group") return [i, i];
  let first = i;
  while (first > 0 && isMemberOf(tracks[first - 1] as LayoutNode, t)) first--;
  return [first, i];
}

/** All members (nested ones too) of the group at 0-based `i`, left to right. */
export function membersOf<T extends LayoutNode>(tracks: readonly T[], i: number): T[] {
  const [first, last] = unitRange(tracks, i);
  return tracks.slice(first, last);
}

/**
 * The group a track inserted before 0-based position `pos` joins: the
 * innermost group whose run of members has tracks on both sides of `pos`
 * (its left neighbour is a member, its right neighbour a member or the group
 * track). Inserting at a group's left edge stays outside the group.
 */
export function parentAt<T extends LayoutNode>(tracks: readonly T[], pos: number): T | undefined {
  const left = tracks[pos - 1];
  const right = tracks[pos];
  if (left === undefined || right === undefined) return undefined;
  for (let g = left.layoutParent; g !== undefined; g = g.layoutParent) {
    if (right === g || isMemberOf(right, g)) return g as T;
  }
  return undefined;
}

/**
 * Inserts `track` before 1-based `index` (1 to #tracks + 1). The caller made
 * `track` of the kind {@link kindAt} returns for that index.
 */
export function planInsert<T extends LayoutNode>(tracks: readonly T[], index: unknown, track: T, what: string): LayoutPlan<T> {
  checkIndex(index, 1, tracks.length + 1, what);
  const pos = index - 1;
  const order = [...tracks.slice(0, pos), track, ...tracks.slice(pos)];
  return { order, parents: new Map([[track, track.kind === "send" ? undefined : parentAt(tracks, pos)]]) };
}

/** Which kind a track inserted at 1-based `index` gets: a send behind the master, else a sequencer track. */
export function kindAt(tracks: readonly LayoutNode[], index: number): TrackKind {
  return index - 1 > masterPosition(tracks) ? "send" : "sequencer";
}

/** Inserts a new group track before 1-based `index`, which must lie before the master. */
export function planInsertGroup<T extends LayoutNode>(tracks: readonly T[], index: unknown, group: T, what: string): LayoutPlan<T> {
  checkIndex(index, 1, masterPosition(tracks) + 1, what);
  return planInsert(tracks, index, group, what);
}

/**
 * Deletes the track at 1-based `index`; a group goes with all its members.
 * The master cannot be deleted, and at least one sequencer track must stay.
 */
export function planDelete<T extends LayoutNode>(tracks: readonly T[], index: unknown, what: string): LayoutPlan<T> {
  checkIndex(index, 1, tracks.length, what);
  const i = index - 1;
  check((tracks[i] as T).kind !== "master", `${what}: the master track cannot be deleted`);
  return planRemoveRange(tracks, unitRange(tracks, i), what);
}

function planRemoveRange<T extends LayoutNode>(tracks: readonly T[], [first, last]: [number, number], what: string): LayoutPlan<T> {
  const order = [...tracks.slice(0, first), ...tracks.slice(last + 1)];
  check(
    order.some((t) => t.kind === "sequencer"),
    `${what}: Renoise needs at least one sequencer track; insert another one before deleting this one`,
  );
  return { order, parents: new Map() };
}

/**
 * Deletes a group and all its members. `index` is the group track or one of
 * its direct members (then its immediate group goes).
 */
export function planDeleteGroup<T extends LayoutNode>(tracks: readonly T[], index: unknown, what: string): LayoutPlan<T> {
  checkIndex(index, 1, tracks.length, what);
  const t = tracks[index - 1] as T;
  const group = t.kind === "group" ? t : t.layoutParent;
  check(group !== undefined, `${what}: track ${index} is neither a group nor a member of a group`);
  return planRemoveRange(tracks, unitRange(tracks, tracks.indexOf(group as T)), what);
}

/**
 * Swaps two tracks. A group moves with its members. The master cannot be
 * swapped; sends swap only with sends, sequencer and group tracks only with
 * each other. Each track takes over the group the other one was in.
 * Swapping a group with one of its own members is refused silently (the
 * plan is "no change"), as Renoise does.
 */
export function planSwap<T extends LayoutNode>(tracks: readonly T[], index1: unknown, index2: unknown, what: string): LayoutPlan<T> {
  checkIndex(index1, 1, tracks.length, what);
  checkIndex(index2, 1, tracks.length, what);
  const unchanged: LayoutPlan<T> = { order: [...tracks], parents: new Map() };
  if (index1 === index2) return unchanged;
  const lo = Math.min(index1, index2) - 1;
  const hi = Math.max(index1, index2) - 1;
  const a = tracks[lo] as T;
  const b = tracks[hi] as T;
  check(a.kind !== "master" && b.kind !== "master", `${what}: the master track cannot be swapped`);
  check(
    (a.kind === "send") === (b.kind === "send"),
    `${what}: a send track can only be swapped with another send track, a sequencer or group track only with a sequencer or group track`,
  );
  if (isMemberOf(a, b) || isMemberOf(b, a)) return unchanged;
  const [a0, a1] = unitRange(tracks, lo);
  const [b0, b1] = unitRange(tracks, hi);
  const order = [
    ...tracks.slice(0, a0),
    ...tracks.slice(b0, b1 + 1),
    ...tracks.slice(a1 + 1, b0),
    ...tracks.slice(a0, a1 + 1),
    ...tracks.slice(b1 + 1),
  ];
  return {
    order,
    parents: new Map([
      [a, b.layoutParent as T | undefined],
      [b, a.layoutParent as T | undefined],
    ]),
  };
}

/**
 * Moves the track (a group with its members) at 0-based `from` so that it
 * stands immediately left of `group`, and makes it a direct member.
 */
function moveIntoGroup<T extends LayoutNode>(tracks: readonly T[], from: number, group: T, what: string): LayoutPlan<T> {
  const t = tracks[from] as T;
  check(t !== group && !isMemberOf(group, t), `${what}: a group cannot be added to itself or to one of its own members`);
  const [first, last] = unitRange(tracks, from);
  const unit = tracks.slice(first, last + 1);
  const rest = [...tracks.slice(0, first), ...tracks.slice(last + 1)];
  const at = rest.indexOf(group);
  return { order: [...rest.slice(0, at), ...unit, ...rest.slice(at)], parents: new Map([[t, group]]) };
}

/**
 * `add_track_to_group`: moves the track at 1-based `trackIndex` to the right
 * end of the group at `groupIndex` (immediately left of the group track). If
 * `groupIndex` is not a group, `newGroup` is inserted right after it, in the
 * same group it is in, and both tracks are added to the new group: first the
 * one at `groupIndex`, then the one at `trackIndex`.
 */
export function planAddToGroup<T extends LayoutNode>(
  tracks: readonly T[],
  trackIndex: unknown,
  groupIndex: unknown,
  newGroup: () => T,
  what: string,
): LayoutPlan<T> {
  const master = masterPosition(tracks);
  checkIndex(trackIndex, 1, master, what);
  checkIndex(groupIndex, 1, master, what);
  const track = tracks[trackIndex - 1] as T;
  const target = tracks[groupIndex - 1] as T;
  if (target.kind === "group") return moveIntoGroup(tracks, trackIndex - 1, target, what);
  check(track !== target, `${what}: cannot group a track with itself`);
  const group = newGroup();
  return rehearse(tracks, [group], () => {
    let layout = applyPlan(planInsert(tracks, groupIndex + 1, group, what));
    layout = applyPlan(moveIntoGroup(layout, layout.indexOf(target), group, what));
    return applyPlan(moveIntoGroup(layout, layout.indexOf(track), group, what));
  });
}

/**
 * Runs steps that apply plans one after another, then puts every group
 * parent back and returns the net change as one plan. A step that throws
 * leaves the parents as they were.
 */
function rehearse<T extends LayoutNode>(tracks: readonly T[], extra: readonly T[], steps: () => T[]): LayoutPlan<T> {
  const all = [...tracks, ...extra];
  const before = all.map((t) => t.layoutParent as T | undefined);
  let order: T[] | undefined;
  const after: (T | undefined)[] = [];
  try {
    order = steps();
    for (const t of all) after.push(t.layoutParent as T | undefined);
  } finally {
    all.forEach((t, i) => (t.layoutParent = before[i]));
  }
  const parents = new Map<T, T | undefined>();
  all.forEach((t, i) => {
    if (after[i] !== before[i]) parents.set(t, after[i]);
  });
  return { order, parents };
}

/**
 * `remove_track_from_group`: moves the track (a group with its members) at
 * 1-based `index` out of its immediate group, to the left of that group's
 * first member, into the group's own group.
 */
export function planRemoveFromGroup<T extends LayoutNode>(tracks: readonly T[], index: unknown, what: string): LayoutPlan<T> {
  checkIndex(index, 1, tracks.length, what);
  const t = tracks[index - 1] as T;
  const group = t.layoutParent as T | undefined;
  check(group !== undefined, `${what}: track ${index} is not a member of a group`);
  const [first, last] = unitRange(tracks, index - 1);
  const unit = tracks.slice(first, last + 1);
  const rest = [...tracks.slice(0, first), ...tracks.slice(last + 1)];
  const [groupFirst] = unitRange(rest, rest.indexOf(group));
  return {
    order: [...rest.slice(0, groupFirst), ...unit, ...rest.slice(groupFirst)],
    parents: new Map([[t, group.layoutParent as T | undefined]]),
  };
}
