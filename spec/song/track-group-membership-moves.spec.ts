import { describe, expect, it } from "vitest";
import {
  membersOf,
  planAddToGroup,
  planDelete,
  planDeleteGroup,
  planRemoveFromGroup,
} from "../../src/renoise/song/track-layout.js";
import { layout, node } from "./support-layout.js";

const fresh = (): ReturnType<typeof node> => node("group", "n");

describe("add_track_to_group, remove_track_from_group, delete_group_at move whole groups and keep runs contiguous", () => {
  it("adding moves the track to the right end of the group's members", () => {
    const l = layout("g x a M");
    l.apply(planAddToGroup(l.tracks, 2, 1, fresh, "add_track_to_group"));
    expect(l.picture).toBe("x<g g a M");
    l.apply(planAddToGroup(l.tracks, 3, 2, fresh, "add_track_to_group"));
    expect(l.picture).toBe("x<g a<g g M");
    expect(membersOf(l.tracks, 2).map((t) => t.name)).toEqual(["x", "a"]);
  });

  it("adding a group moves it with its members", () => {
    const l = layout("a<h h x g M");
    l.apply(planAddToGroup(l.tracks, 2, 4, fresh, "add_track_to_group"));
    expect(l.picture).toBe("x a<h h<g g M");
  });

  it("adding to a track that is no group makes a new group right after it holding both", () => {
    const l = layout("a b<g c<g g M");
    l.apply(planAddToGroup(l.tracks, 2, 3, fresh, "add_track_to_group"));
    expect(l.picture).toBe("a c<n b<n n<g g M");
  });

  it("refuses to put a group into itself or its own member, changing nothing", () => {
    const l = layout("a<g g M");
    expect(() => planAddToGroup(l.tracks, 2, 2, fresh, "add_track_to_group")).toThrow(/itself/);
    const m = layout("a<h h<g g M");
    expect(() => planAddToGroup(m.tracks, 3, 2, fresh, "add_track_to_group")).toThrow(/own members/);
    expect(m.picture).toBe("a<h h<g g M");
  });

  it("removing puts the track left of the group's first member, in the group's own group", () => {
    const l = layout("a<h b<h h<g g M");
    l.apply(planRemoveFromGroup(l.tracks, 2, "remove_track_from_group"));
    expect(l.picture).toBe("b<g a<h h<g g M");
    expect(() => planRemoveFromGroup(l.tracks, 4, "remove_track_from_group")).toThrow(/not a member/);
  });

  it("deleting a group (by its index or a member's) deletes its members too", () => {
    const l = layout("x a<g b<g g M");
    l.apply(planDeleteGroup(l.tracks, 3, "delete_group_at"));
    expect(l.picture).toBe("x M");
    const m = layout("x a<g g M");
    m.apply(planDelete(m.tracks, 3, "delete_track_at"));
    expect(m.picture).toBe("x M");
    expect(() => planDeleteGroup(m.tracks, 1, "delete_group_at")).toThrow(/neither a group/);
  });

  it("the master cannot be deleted, nor the last sequencer track", () => {
    const l = layout("a<g g M s1");
    expect(() => planDelete(l.tracks, 3, "delete_track_at")).toThrow(/master/);
    expect(() => planDelete(l.tracks, 2, "delete_track_at")).toThrow(/at least one sequencer track/);
    l.apply(planDelete(l.tracks, 4, "delete_track_at"));
    expect(l.picture).toBe("a<g g M");
  });
});
