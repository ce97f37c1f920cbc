import { describe, expect, it } from "vitest";
import { planSwap } from "../../src/renoise/song/track-layout.js";
import { layout } from "./support-layout.js";

function swap(picture: string, i: number, j: number): string {
  const l = layout(picture);
  return l.apply(planSwap(l.tracks, i, j, "swap")).picture;
}

describe("swap_tracks_at: each track takes the other's place and group; a group moves with its members", () => {
  it("two plain tracks trade places", () => {
    expect(swap("a b c M", 1, 3)).toBe("c b a M");
  });

  it("a member and an outside track trade groups with their places", () => {
    const l = layout("x a<g b<g g y M");
    l.apply(planSwap(l.tracks, 1, 3, "swap"));
    expect(l.picture).toBe("b a<g x<g g y M");
  });

  it("a group swapped with a track moves as one block, members following", () => {
    expect(swap("a<g b<g g x y M", 3, 5)).toBe("y x a<g b<g g M");
  });

  it("two groups of different sizes swap blocks; whatever stands between stays in order", () => {
    expect(swap("a<g1 g1 m b<g2 c<g2 g2 M", 2, 6)).toBe("b<g2 c<g2 g2 m a<g1 g1 M");
  });

  it("a nested group moved out takes the outer place's group", () => {
    expect(swap("a<g2 g2<g1 b<g1 g1 x M", 2, 5)).toBe("x<g1 b<g1 g1 a<g2 g2 M");
  });

  it("a group swapped with one of its own members changes nothing", () => {
    expect(swap("a<g b<g g M", 1, 3)).toBe("a<g b<g g M");
    expect(swap("a<g2 g2<g1 b<g1 g1 M", 4, 1)).toBe("a<g2 g2<g1 b<g1 g1 M");
  });

  it("refuses the master, and sends with non-sends, leaving the song as it was", () => {
    const l = layout("a b M s1 s2");
    expect(() => planSwap(l.tracks, 2, 3, "swap_tracks_at")).toThrow(/master/);
    expect(() => planSwap(l.tracks, 1, 4, "swap_tracks_at")).toThrow(/send track/);
    expect(() => planSwap(l.tracks, 0, 1, "swap_tracks_at")).toThrow(/out of range \(1 - 5\)/);
    expect(l.picture).toBe("a b M s1 s2");
    expect(swap("a b M s1 s2", 4, 5)).toBe("a b M s2 s1");
  });
});
