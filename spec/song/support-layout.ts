import { applyPlan, type LayoutNode, type LayoutPlan, type TrackKind } from "../../src/renoise/song/track-layout.js";

/** A named layout node for specs. */
export interface Named extends LayoutNode {
  name: string;
}

export function node(kind: TrackKind, name: string, layoutParent?: Named): Named {
  return { kind, name, layoutParent };
}

/** A mutable layout: `tracks` plus an `apply` that commits a plan. */
export class Layout {
  tracks: Named[];
  constructor(tracks: Named[]) {
    this.tracks = tracks;
  }
  apply(plan: LayoutPlan<Named>): this {
    this.tracks = applyPlan(plan);
    return this;
  }
  /** "a b<g g" : names left to right, `<parent` for members. */
  get picture(): string {
    return this.tracks.map((t) => t.name + (t.layoutParent ? `<${(t.layoutParent as Named).name}` : "")).join(" ");
  }
}

/**
 * Builds a layout from a picture like "a<g b<g g c M s1": sequencer tracks
 * are lower-case words, groups are words before "M" starting with "g" or
 * "h", "M" is the master, words after M are sends.
 */
export function layout(picture: string): Layout {
  const words = picture.split(/\s+/).filter(Boolean);
  const parentName = (w: string): string | undefined => w.split("<")[1];
  const byName = new Map<string, Named>();
  const masterAt = words.indexOf("M");
  words.forEach((w, i) => {
    const name = w.split("<")[0] as string;
    const kind: TrackKind = name === "M" ? "master" : i > masterAt ? "send" : /^[gh]/.test(name) ? "group" : "sequencer";
    byName.set(name, node(kind, name));
  });
  for (const w of words) {
    const p = parentName(w);
    if (p) (byName.get(w.split("<")[0] as string) as Named).layoutParent = byName.get(p);
  }
  return new Layout(words.map((w) => byName.get(w.split("<")[0] as string) as Named));
}
