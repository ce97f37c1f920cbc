/**
 * A strict reader for the common JUnit XML schema (as CI systems such as
 * Jenkins, GitLab and GitHub test reporters read it), written for the specs:
 * a small XML parser plus the schema's rules — elements, their order and
 * attributes, integer and decimal attributes, and the counts adding up.
 * Returns the list of violations (empty: valid).
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string, errors: string[]): string {
  if (/[<]/.test(s)) errors.push(`unescaped < in ${JSON.stringify(s.slice(0, 40))}`);
  return s.replace(/&([a-z]+|#\d+|#x[0-9a-f]+);|&/gi, (m, e: string | undefined) => {
    if (e === undefined) {
      errors.push("unescaped &");
      return m;
    }
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number(e.slice(1)));
    if (!(e in ENTITIES)) errors.push(`unknown entity &${e};`);
    return ENTITIES[e] ?? m;
  });
}

/** Parses an XML document (no DTD, no namespaces, no CDATA); syntax errors go to `errors`. */
export function parseXml(xml: string, errors: string[]): XmlElement | undefined {
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) errors.push("missing XML declaration");
  // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)) errors.push("characters XML 1.0 does not allow");
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const token = /<\/([A-Za-z][\w.-]*)\s*>|<([A-Za-z][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < body.length && (m = token.exec(body)) !== null) {
    at = token.lastIndex;
    if (m[1] !== undefined) {
      const open = stack.pop();
      if (!open || open.name !== m[1]) errors.push(`</${m[1]}> closes ${open ? `<${open.name}>` : "nothing"}`);
    } else if (m[2] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of m[3]!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        if (a[1]! in attrs) errors.push(`duplicate attribute ${a[1]} on <${m[2]}>`);
        attrs[a[1]!] = decode(a[2]!, errors);
      }
      const el: XmlElement = { name: m[2], attrs, children: [], text: "" };
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else if (root) errors.push("more than one root element");
      else root = el;
      if (m[4] !== "/") stack.push(el);
    } else {
      const text = decode(m[5]!, errors);
      if (stack.length) stack[stack.length - 1]!.text += text;
      else if (text.trim()) errors.push("text outside the root element");
    }
  }
  if (at < body.length) errors.push(`cannot parse from ${JSON.stringify(body.slice(at, at + 30))}`);
  if (stack.length) errors.push(`<${stack[stack.length - 1]!.name}> is not closed`);
  return root;
}

const INT = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

function checkAttrs(el: XmlElement, required: string[], optional: string[], errors: string[]): void {
  for (const r of required) if (!(r in el.attrs)) errors.push(`<${el.name}> lacks ${r}`);
  for (const a of Object.keys(el.attrs)) if (!required.includes(a) && !optional.includes(a)) errors.push(`<${el.name}> has unknown attribute ${a}`);
  for (const n of ["tests", "failures", "errors", "skipped", "disabled", "line", "assertions"]) {
    if (n in el.attrs && !INT.test(el.attrs[n]!)) errors.push(`<${el.name}> ${n}="${el.attrs[n]}" is not a whole number`);
  }
  if ("time" in el.attrs && !DECIMAL.test(el.attrs.time)) errors.push(`<${el.name}> time="${el.attrs.time}" is not a decimal`);
}

function order(el: XmlElement, allowed: string[], errors: string[]): void {
  let last = -1;
  for (const c of el.children) {
    const i = allowed.indexOf(c.name);
    if (i < 0) errors.push(`<${c.name}> is not allowed in <${el.name}>`);
    else if (i < last) errors.push(`<${c.name}> is out of order in <${el.name}>`);
    else last = i;
  }
}

function testcase(tc: XmlElement, errors: string[]): { failures: number; errors: number; skipped: number } {
  checkAttrs(tc, ["name", "classname"], ["time", "file", "line", "assertions", "status"], errors);
  order(tc, ["skipped", "error", "failure", "system-out", "system-err"], errors);
  const count = (n: string) => tc.children.filter((c) => c.name === n).length;
  const out = { failures: count("failure"), errors: count("error"), skipped: count("skipped") };
  if (out.skipped > 1) errors.push(`testcase ${tc.attrs.name} has more than one <skipped>`);
  if (out.skipped && out.failures + out.errors) errors.push(`testcase ${tc.attrs.name} is both skipped and failed`);
  for (const c of tc.children) {
    if (c.name === "failure" || c.name === "error") checkAttrs(c, [], ["message", "type"], errors);
    if (c.name === "skipped") checkAttrs(c, [], ["message"], errors);
    if (c.children.length) errors.push(`<${c.name}> may hold only text`);
  }
  return out;
}

/** Checks a JUnit XML document; returns the violations. */
export function validateJunit(xml: string): string[] {
  const errors: string[] = [];
  const root = parseXml(xml, errors);
  if (!root) return [...errors, "no root element"];
  const suites = root.name === "testsuites" ? root.children : [root];
  if (root.name === "testsuites") {
    checkAttrs(root, [], ["name", "tests", "failures", "errors", "skipped", "disabled", "time"], errors);
    order(root, ["testsuite"], errors);
  } else if (root.name !== "testsuite") errors.push(`root element <${root.name}> is neither testsuites nor testsuite`);
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const s of suites) {
    if (s.name !== "testsuite") continue;
    checkAttrs(s, ["name", "tests", "failures", "errors"], ["skipped", "disabled", "time", "timestamp", "hostname", "id", "package", "file"], errors);
    order(s, ["properties", "testcase", "system-out", "system-err"], errors);
    const sum = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    for (const c of s.children) {
      if (c.name === "properties") {
        for (const p of c.children) {
          if (p.name !== "property") errors.push(`<${p.name}> in <properties>`);
          else checkAttrs(p, ["name", "value"], [], errors);
        }
      }
      if (c.name !== "testcase") continue;
      const r = testcase(c, errors);
      sum.tests++;
      sum.failures += r.failures;
      sum.errors += r.errors;
      sum.skipped += r.skipped;
    }
    for (const k of ["tests", "failures", "errors", "skipped"] as const) {
      if (s.attrs[k] !== undefined && Number(s.attrs[k]) !== sum[k]) errors.push(`testsuite ${s.attrs.name}: ${k}="${s.attrs[k]}" but counted ${sum[k]}`);
      total[k] += sum[k];
    }
  }
  if (root.name === "testsuites") {
    for (const k of ["tests", "failures", "errors", "skipped"] as const) {
      if (root.attrs[k] !== undefined && Number(root.attrs[k]) !== total[k]) errors.push(`testsuites: ${k}="${root.attrs[k]}" but counted ${total[k]}`);
    }
  }
  return errors;
}
