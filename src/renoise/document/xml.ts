/**
 * The XML of renoise-sim documents (save_as / load_from, tool preferences),
 * as a flat event list so the Lua side can write and read documents with one
 * call each.
 *
 * Writing takes events: `["o", name, type]` opens an element (`type` "" for
 * none, else a `type="..."` attribute), `["v", name, value]` is an element
 * holding one boolean, number or string, `["c"]` closes the last opened one.
 * Reading gives `["o", name, type]` for an element with child elements,
 * `["t", name, type, text]` for one without (its text), `["c"]` to close.
 *
 * The format: `<?xml version="1.0" encoding="UTF-8"?>`, the root element named
 * after the document's model with `doc_version="0"`, one element per property
 * in the order the properties were added, list items as `<Item>` (document
 * list items with `type="<model>"`), two spaces of indentation, LF line ends.
 * Numbers are written in their shortest round-trip form, so a document read
 * and written again gives the same bytes.
 */

export type XmlEvent =
  | readonly ["o", string, string]
  | readonly ["v", string, boolean | number | string]
  | readonly ["c"]
  | readonly ["t", string, string, string];

/** Misuse or a malformed document. */
export class XmlError extends Error {
  override name = "XmlError";
}

const escape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function formatValue(v: boolean | number | string): string {
  if (typeof v === "number") {
    if (Number.isNaN(v)) return "nan";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    return String(v);
  }
  return escape(String(v));
}

/** Writes events as an XML document (the first "o" is the root; it gets doc_version="0"). */
export function writeXml(events: readonly XmlEvent[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const stack: { name: string; line: number }[] = [];
  for (const e of events) {
    const pad = "  ".repeat(stack.length);
    if (e[0] === "o") {
      const attrs = stack.length === 0 ? ' doc_version="0"' : e[2] ? ` type="${escape(e[2])}"` : "";
      out.push(`${pad}<${e[1]}${attrs}>`);
      stack.push({ name: e[1], line: out.length - 1 });
    } else if (e[0] === "v") {
      out.push(`${pad}<${e[1]}>${formatValue(e[2])}</${e[1]}>`);
    } else if (e[0] === "c") {
      const open = stack.pop();
      if (open === undefined) throw new XmlError("writeXml: close without open");
      if (open.line === out.length - 1) out[open.line] = `${out[open.line]!.slice(0, -1)}/>`;
      else out.push(`${"  ".repeat(stack.length)}</${open.name}>`);
    } else {
      throw new XmlError(`writeXml: unknown event ${String(e[0])}`);
    }
  }
  if (stack.length) throw new XmlError("writeXml: unclosed elements");
  return out.join("\n") + "\n";
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, ent: string) => {
    if (ent.startsWith("#x")) return String.fromCodePoint(parseInt(ent.slice(2), 16));
    if (ent.startsWith("#")) return String.fromCodePoint(parseInt(ent.slice(1), 10));
    return ENTITIES[ent] ?? m;
  });
}

interface Node {
  name: string;
  type: string;
  children: Node[];
  text: string;
}

/** Parses a document into events (see the module comment). The root element comes first. */
export function readXml(source: string): XmlEvent[] {
  let i = 0;
  const fail = (what: string): never => {
    const line = source.slice(0, i).split("\n").length;
    throw new XmlError(`malformed XML at line ${line}: ${what}`);
  };
  const skipMisc = (): void => {
    for (;;) {
      while (i < source.length && /\s/.test(source[i]!)) i++;
      if (source.startsWith("<?", i)) {
        const e = source.indexOf("?>", i);
        if (e < 0) fail("unclosed <?");
        i = e + 2;
      } else if (source.startsWith("<!--", i)) {
        const e = source.indexOf("-->", i);
        if (e < 0) fail("unclosed comment");
        i = e + 3;
      } else if (source.startsWith("<!DOCTYPE", i)) {
        const e = source.indexOf(">", i);
        i = e + 1;
      } else return;
    }
  };
  const element = (): Node => {
    if (source[i] !== "<") fail("expected an element");
    const m = /^<([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(i, i + 4096));
    if (!m) return fail("bad start tag");
    i += m[0].length;
    const attrs = m[2]!;
    const typeAttr = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
    const node: Node = { name: m[1]!, type: unescape(typeAttr?.[1] ?? typeAttr?.[2] ?? ""), children: [], text: "" };
    if (m[3] === "/") return node;
    for (;;) {
      const lt = source.indexOf("<", i);
      if (lt < 0) fail(`unclosed <${node.name}>`);
      node.text += unescape(source.slice(i, lt));
      i = lt;
      if (source.startsWith("<!--", i)) {
        const e = source.indexOf("-->", i);
        if (e < 0) fail("unclosed comment");
        i = e + 3;
      } else if (source.startsWith("<![CDATA[", i)) {
        const e = source.indexOf("]]>", i);
        if (e < 0) fail("unclosed CDATA");
        node.text += source.slice(i + 9, e);
        i = e + 3;
      } else if (source.startsWith("</", i)) {
        const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(source.slice(i, i + 512));
        if (!close || close[1] !== node.name) fail(`expected </${node.name}>`);
        i += close![0].length;
        return node;
      } else {
        node.children.push(element());
      }
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i < source.length) fail("content after the root element");
  const out: XmlEvent[] = [];
  const emit = (n: Node): void => {
    if (n.children.length === 0) {
      out.push(["t", n.name, n.type, n.text]);
      return;
    }
    out.push(["o", n.name, n.type]);
    for (const c of n.children) emit(c);
    out.push(["c"]);
  };
  if (root.children.length === 0) out.push(["o", root.name, root.type], ["c"]);
  else emit(root);
  return out;
}
