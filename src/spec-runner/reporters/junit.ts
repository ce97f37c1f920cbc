import { relative } from "node:path";
import type { SpecLoadError, SpecRunSummary, SpecTestResult } from "../types.js";

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const attr = (name: string, value: string | number) => ` ${name}="${xmlEscape(String(value))}"`;
const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(r: SpecTestResult): string {
  const classname = r.file.replace(/\.lua$/, "").replace(/[\\/]/g, ".");
  let xml = `    <testcase${attr("name", r.fullName)}${attr("classname", classname)}${attr("time", seconds(r.virtualMs))}${attr("file", r.file)}`;
  if (r.line) xml += attr("line", r.line);
  if (r.status === "success") return xml + "/>\n";
  xml += ">\n";
  if (r.status === "pending") {
    xml += `      <skipped${attr("message", r.message ?? "pending")}/>\n`;
  } else {
    const tag = r.status === "error" ? "error" : "failure";
    const message = r.message ?? "";
    const body = [message, r.location ? `at ${r.location}` : "", r.traceTail ? `trace (end):\n${r.traceTail}` : "", r.diagram ? `diagram: ${r.diagram}` : ""]
      .filter(Boolean)
      .join("\n\n");
    xml += `      <${tag}${attr("message", message.split("\n")[0] ?? "")}${attr("type", tag === "error" ? "LuaError" : "AssertionError")}>${xmlEscape(body)}</${tag}>\n`;
  }
  return xml + "    </testcase>\n";
}

function suite(name: string, cases: SpecTestResult[], seed: number, load?: SpecLoadError): string {
  const count = (s: string) => cases.filter((r) => r.status === s).length;
  const tests = cases.length + (load ? 1 : 0);
  const time = cases.reduce((t, r) => t + r.virtualMs, 0);
  let xml = `  <testsuite${attr("name", name)}${attr("tests", tests)}${attr("failures", count("failure"))}${attr("errors", count("error") + (load ? 1 : 0))}${attr("skipped", count("pending"))}${attr("time", seconds(time))}>\n`;
  xml += `    <properties>\n      <property${attr("name", "seed")}${attr("value", seed)}/>\n    </properties>\n`;
  for (const r of cases) xml += testcase(r);
  if (load) {
    xml += `    <testcase${attr("name", name)}${attr("classname", name.replace(/\.lua$/, "").replace(/[\\/]/g, "."))}${attr("time", "0.000")}>\n`;
    xml += `      <error${attr("message", load.message.split("\n")[0] ?? "")}${attr("type", "LoadError")}>${xmlEscape(load.message)}</error>\n    </testcase>\n`;
  }
  return xml + "  </testsuite>\n";
}

/**
 * JUnit XML as CI systems read it (the common schema: testsuites >
 * testsuite > testcase with failure / error / skipped): one testsuite per
 * spec file. Times are virtual time in seconds, so the file is the same for
 * the same seed.
 */
export function junitXml(summary: SpecRunSummary, cwd: string): string {
  const byFile = new Map<string, SpecTestResult[]>();
  for (const r of summary.results) {
    const list = byFile.get(r.file) ?? [];
    list.push(r);
    byFile.set(r.file, list);
  }
  const loads = new Map(summary.loadErrors.map((e) => [relative(cwd, e.file) || e.file, e]));
  const names = [...new Set([...summary.files.map((f) => relative(cwd, f) || f)])].filter((f) => byFile.has(f) || loads.has(f));
  const { success, failure, error, pending } = summary.counts;
  const total = success + failure + error + pending + summary.loadErrors.length;
  const time = summary.results.reduce((t, r) => t + r.virtualMs, 0);
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attr("name", "renoise-sim")}${attr("tests", total)}${attr("failures", failure)}${attr("errors", error + summary.loadErrors.length)}${attr("skipped", pending)}${attr("time", seconds(time))}>\n`;
  for (const f of names) xml += suite(f, byFile.get(f) ?? [], summary.seed, loads.get(f));
  return xml + "</testsuites>\n";
}
