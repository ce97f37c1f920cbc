import type { Dialog } from "./dialog.js";
import type { View, XY } from "./view.js";

/** Options of {@link renderText}. */
export interface RenderTextOptions {
  /** Include hidden views, marked "(hidden)". Default false: only what a person sees. */
  hidden?: boolean;
}

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** One line describing a view: its type, id, state and text. */
function line(v: View): string {
  const parts: string[] = [v.ctor];
  if (v.id) parts.push(`#${v.id}`);
  const get = (k: string): unknown => v.get(k);
  const str = (k: string): string => v.get(k) as string;
  switch (v.ctor) {
    case "column":
    case "row":
    case "horizontal_aligner":
    case "vertical_aligner":
    case "space":
      break;
    case "button":
      parts.push(`[${str("text") || str("bitmap") || " "}]`);
      break;
    case "bitmap":
      parts.push(`<${str("bitmap")}>`);
      break;
    case "checkbox":
      parts.push(get("value") ? "[x]" : "[ ]");
      break;
    case "switch":
    case "popup":
    case "chooser": {
      const items = get("items") as string[];
      const i = get("value") as number;
      parts.push(items.map((s, k) => (k + 1 === i ? `(${s})` : s)).join(" | ") || "(no items)");
      break;
    }
    case "textfield":
    case "multiline_textfield":
      parts.push(JSON.stringify(get("value")));
      break;
    case "text":
    case "multiline_text":
      parts.push(JSON.stringify(get("text")));
      break;
    case "xypad": {
      const xy = get("value") as XY;
      parts.push(`x=${num(xy.x)} y=${num(xy.y)}`);
      break;
    }
    default: {
      const value = get("value") as number;
      const show = v.has("tostring") ? (get("tostring") as ((n: number) => unknown) | undefined) : undefined;
      const shown = show ? show(value) : undefined;
      parts.push(typeof shown === "string" ? `${num(value)} "${shown}"` : num(value));
      if (v.has("min")) parts.push(`[${num(get("min") as number)}..${num(get("max") as number)}]`);
    }
  }
  if (v.has("active") && get("active") === false) parts.push("(inactive)");
  if (get("visible") === false) parts.push("(hidden)");
  return parts.join(" ");
}

function walk(v: View, depth: number, out: string[], o: RenderTextOptions): void {
  if (!o.hidden && v.get("visible") === false) return;
  out.push(`${"  ".repeat(depth)}${line(v)}`);
  for (const c of v.children) walk(c, depth + 1, out, o);
}

/**
 * A dialog (or view tree) as readable text, one view per line, indented by
 * nesting — stable, for snapshots:
 *
 * ```text
 * dialog "Line Server"
 *   column
 *     text #status "stopped"
 *     button #start [Start]
 *     checkbox [x]
 * ```
 */
export function renderText(target: Dialog | View, options: RenderTextOptions = {}): string {
  const out: string[] = [];
  if ("content" in target) {
    out.push(`dialog ${JSON.stringify(target.title)}${target.visible ? "" : " (closed)"}`);
    walk(target.content, 1, out, options);
  } else {
    walk(target, 0, out, options);
  }
  return out.join("\n");
}
