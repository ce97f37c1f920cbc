import { describe, expect, it } from "vitest";
import { kindAt, planInsert, planInsertGroup } from "../../src/renoise/song/track-layout.js";
import { layout, node } from "./support-layout.js";

describe("insert_track_at: a new track joins the group it is inserted into, never one at whose edge it stands", () => {
  it("inside a group's run of members it becomes a member", () => {
    const l = layout("a<g b<g g M");
    l.apply(planInsert(l.tracks, 2, node("sequencer", "n"), "insert_track_at"));
    expect(l.picture).toBe("a<g n<g b<g g M");
  });

  it("right before the group track it becomes the last member", () => {
    const l = layout("a<g g M");
    l.apply(planInsert(l.tracks, 2, node("sequencer", "n"), "insert_track_at"));
    expect(l.picture).toBe("a<g n<g g M");
  });

  it("at the group's left edge, or after the group track, it stays outside", () => {
    const l = layout("x a<g g M");
    l.apply(planInsert(l.tracks, 2, node("sequencer", "n"), "insert_track_at"));
    l.apply(planInsert(l.tracks, 5, node("sequencer", "m"), "insert_track_at"));
    expect(l.picture).toBe("x n a<g g m M");
  });

  it("in a nested group it joins the innermost group that encloses the place", () => {
    const l = layout("a<h h<g b<g g M");
    l.apply(planInsert(l.tracks, 2, node("sequencer", "n"), "insert_track_at"));
    l.apply(planInsert(l.tracks, 4, node("sequencer", "m"), "insert_track_at"));
    expect(l.picture).toBe("a<h n<h h<g m<g b<g g M");
  });

  it("at or behind the master's index a send track is made; 1..#tracks+1 are valid", () => {
    const l = layout("a M s1");
    expect([1, 2, 3, 4].map((i) => kindAt(l.tracks, i))).toEqual(["sequencer", "sequencer", "send", "send"]);
    expect(() => planInsert(l.tracks, 0, node("sequencer", "n"), "insert_track_at")).toThrow(/index 0 is out of range \(1 - 4\)/);
    expect(() => planInsert(l.tracks, 5, node("sequencer", "n"), "insert_track_at")).toThrow(/out of range/);
    expect(() => planInsert(l.tracks, 1.5, node("sequencer", "n"), "insert_track_at")).toThrow(/whole number/);
  });

  it("insert_group_at accepts only places before the master", () => {
    const l = layout("a M s1");
    expect(() => planInsertGroup(l.tracks, 3, node("group", "g"), "insert_group_at")).toThrow(/index 3 is out of range \(1 - 2\)/);
    l.apply(planInsertGroup(l.tracks, 2, node("group", "g"), "insert_group_at"));
    expect(l.picture).toBe("a g M s1");
  });
});
