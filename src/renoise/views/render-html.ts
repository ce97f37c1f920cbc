import type { Dialog } from "./dialog.js";
import type { View, XY } from "./view.js";

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const BACKGROUNDS: Record<string, string> = {
  invisible: "transparent",
  plain: "#2b2b2b",
  border: "#2b2b2b;outline:1px solid #777",
  body: "#333",
  panel: "#3a3a3a;box-shadow:inset 0 0 0 1px #555",
  group: "#262626;border-radius:3px",
};

function size(v: View): string {
  const css: string[] = [];
  for (const k of ["width", "height"] as const) {
    const d = v.get(k) as number | string | undefined;
    if (d !== undefined) css.push(`${k}:${typeof d === "number" ? `${d}px` : d}`);
  }
  return css.join(";");
}

function node(v: View): string {
  if (v.get("visible") === false) return "";
  const get = (k: string): unknown => v.get(k);
  const str = (k: string): string => esc(String(v.get(k)));
  const dim = v.has("active") && get("active") === false ? ";opacity:.45" : "";
  const id = v.id ? ` data-id="${esc(v.id)}"` : "";
  const style = (extra: string) => ` style="${[size(v), extra].filter(Boolean).join(";")}${dim}"`;
  const kids = () => v.children.map(node).join("");
  switch (v.ctor) {
    case "column":
    case "row":
    case "horizontal_aligner":
    case "vertical_aligner": {
      const dir = v.spec.layout === "row" ? "row" : "column";
      const bg = v.has("style") ? (BACKGROUNDS[get("style") as string] ?? "transparent") : "transparent";
      const justify = v.has("mode") ? modeCss(get("mode") as string) : "flex-start";
      return `<div class="${v.ctor}"${id}${style(
        `display:flex;flex-direction:${dir};gap:${get("spacing") as number}px;padding:${get("margin") as number}px;background:${bg};justify-content:${justify}`,
      )}>${kids()}</div>`;
    }
    case "space":
      return `<div class="space"${style("")}></div>`;
    case "text":
      return `<span class="text"${id}${style(`text-align:${get("align") as string}`)}>${str("text").replace(/\n/g, "<br>")}</span>`;
    case "multiline_text":
    case "multiline_textfield":
      return `<pre class="${v.ctor}"${id}${style("margin:0;white-space:pre-wrap;background:#222;padding:2px")}>${str(v.textKey)}</pre>`;
    case "textfield":
      return `<input class="textfield"${id} value="${str("value")}"${style("")}>`;
    case "button":
      return `<button${id}${style(colorCss(get("color") as number[]))}>${str("text") || str("bitmap")}</button>`;
    case "bitmap":
      return `<span class="bitmap"${id}${style("")}>[${str("bitmap")}]</span>`;
    case "checkbox":
      return `<input type="checkbox"${id}${get("value") ? " checked" : ""}${style("")}>`;
    case "popup":
    case "switch":
    case "chooser": {
      const items = get("items") as string[];
      const i = get("value") as number;
      const opts = items.map((s, k) => `<span class="item${k + 1 === i ? " selected" : ""}">${esc(s)}</span>`).join("");
      return `<span class="${v.ctor}"${id}${style("")}>${opts}</span>`;
    }
    case "xypad": {
      const xy = get("value") as XY;
      return `<span class="xypad"${id}${style("")}>x ${xy.x} y ${xy.y}</span>`;
    }
    default: {
      const value = get("value") as number;
      const min = v.has("min") ? (get("min") as number) : undefined;
      const max = v.has("max") ? (get("max") as number) : undefined;
      const bar =
        min !== undefined && max !== undefined && max > min
          ? `<meter min="${min}" max="${max}" value="${value}"></meter>`
          : "";
      return `<span class="${v.ctor}"${id}${style("")}>${bar}<span>${value}</span></span>`;
    }
  }
}

function modeCss(mode: string): string {
  switch (mode) {
    case "right":
    case "bottom":
      return "flex-end";
    case "center":
      return "center";
    case "justify":
      return "space-between";
    case "distribute":
      return "space-evenly";
    default:
      return "flex-start";
  }
}

function colorCss(c: number[]): string {
  if (!c || (c[0] === 0 && c[1] === 0 && c[2] === 0)) return "";
  return `background:rgb(${c[0]},${c[1]},${c[2]});color:#000`;
}

const CSS = `body{background:#1c1c1c;color:#ddd;font:12px sans-serif;margin:16px}
.dialog{display:inline-block;background:#333;border:1px solid #555;border-radius:4px}
.title{background:#444;padding:4px 8px;font-weight:bold}
button{background:#555;color:#eee;border:1px solid #777;border-radius:2px;padding:1px 8px}
input{background:#222;color:#eee;border:1px solid #666}
.item{padding:0 6px;border:1px solid #666}.item.selected{background:#ddd;color:#111}
meter{width:100px;vertical-align:middle}.closed{opacity:.5}`;

/**
 * A dialog as a standalone HTML page (dark, Renoise-like), so a person can
 * look at the tool's dialog as the test left it. Layout is approximate:
 * columns and rows become flex boxes with the views' margins, spacing and
 * sizes; controls show their current values.
 */
export function renderHtml(dialog: Dialog): string {
  return [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${esc(dialog.title)}</title><style>${CSS}</style></head><body>`,
    `<div class="dialog${dialog.visible ? "" : " closed"}"><div class="title">${esc(dialog.title)}</div>${node(dialog.content)}</div>`,
    "</body></html>",
    "",
  ].join("\n");
}
