import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, type TraceEvent } from "../../src/index.js";
import { kindFields, TRACE_FIELDS, TRACE_KINDS } from "../../src/trace/kinds.js";
import { renderTraceReference } from "../../src/trace/reference.js";
import { installScenario } from "../../src/scenario/play.js";
import { parseScenario } from "../../src/scenario/validate.js";
import { EDGE_CASES } from "../edge-cases/all.js";

// docs/trace.md lists every trace event kind with its fields. It is generated from
// src/trace/kinds.ts, and this spec checks that table against the code: every kind the
// source records (found by reading src/ with the TypeScript parser), every field of the
// object literals it records, and every field of the events real runs produce.
const ROOT = join(import.meta.dirname, "../..");
const KIND = /^[a-z][a-z_]*(\.[a-z_-]+)*$/;
/** Calls whose string arguments name a trace kind. */
const RECORDERS = new Set(["record", "fail", "shutLocal"]);

interface Found {
  kinds: Map<string, string>;
  patterns: Map<string, string>;
  fields: { kind: string; field: string; where: string }[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function scan(): Found {
  const found: Found = { kinds: new Map(), patterns: new Map(), fields: [] };
  for (const file of sourceFiles(join(ROOT, "src"))) {
    // Not trace events: fast-check's fc.record, the server model's own fail(), and the table itself.
    if ([join("src", "prop", "arbitraries"), join("src", "prop", "model"), join("src", "trace", "kinds.ts")].some((skip) => file.includes(skip))) continue;
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) => `${file.slice(ROOT.length + 1)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const literals = (e: ts.Expression): ts.Expression[] => (ts.isConditionalExpression(e) ? [...literals(e.whenTrue), ...literals(e.whenFalse)] : [e]);
    const literalFields = (kind: string, obj: ts.Node | undefined) => {
      if (!obj || !ts.isObjectLiteralExpression(obj)) return;
      for (const p of obj.properties) {
        if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
          found.fields.push({ kind, field: p.name.text, where: where(p) });
        }
      }
    };
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : ts.isIdentifier(n.expression) ? n.expression.text : "";
        if (RECORDERS.has(callee)) {
          n.arguments.forEach((arg, i) => {
            for (const a of literals(arg)) {
              if (ts.isStringLiteral(a) && KIND.test(a.text) && a.text !== "sim") {
                found.kinds.set(a.text, where(a));
                // record(kind, host, fields) and this.record(kind, fields): the object literal after the kind
                literalFields(a.text, n.arguments.slice(i + 1).find((x) => ts.isObjectLiteralExpression(x)));
              } else if (ts.isTemplateExpression(a) && /^[a-z][a-z_]*(\.[a-z_-]+)*\.$/.test(a.head.text)) {
                const pattern = a.head.text + a.templateSpans.map((s) => `*${s.literal.text}`).join("");
                found.patterns.set(pattern, where(a));
              }
            }
          });
        }
      }
      // traceShape("kind", ["field", …], { payload: true }): a kind recorded as rows (Trace.row)
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "traceShape") {
        const [kindArg, fieldsArg, optionsArg] = n.arguments;
        if (kindArg && ts.isStringLiteral(kindArg)) {
          const kind = kindArg.text;
          found.kinds.set(kind, where(kindArg));
          expect(fieldsArg && ts.isArrayLiteralExpression(fieldsArg), `traceShape("${kind}") lists its fields as an array literal (${where(n)})`).toBe(true);
          for (const f of (fieldsArg as ts.ArrayLiteralExpression).elements) {
            expect(ts.isStringLiteral(f), `traceShape("${kind}") fields are string literals (${where(f)})`).toBe(true);
            found.fields.push({ kind, field: (f as ts.StringLiteral).text, where: where(f) });
          }
          if (optionsArg && /payload:\s*true/.test(optionsArg.getText())) {
            for (const field of ["bytes", "data", "hash"]) found.fields.push({ kind, field, where: where(optionsArg) });
          }
        }
      }
      // events built as one object literal ({ seq, t, kind: "…", … })
      if (ts.isObjectLiteralExpression(n)) {
        const names = n.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ""));
        const kindProp = n.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "kind");
        if (names.includes("seq") && kindProp && ts.isPropertyAssignment(kindProp) && ts.isStringLiteral(kindProp.initializer)) {
          const kind = kindProp.initializer.text;
          found.kinds.set(kind, where(kindProp));
          for (const name of names) if (name && !["seq", "t", "kind", "host"].includes(name)) found.fields.push({ kind, field: name, where: where(kindProp) });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

function checkEvents(events: readonly TraceEvent[]): string[] {
  const problems: string[] = [];
  for (const e of events) {
    const allowed = kindFields(e.kind);
    if (!allowed) {
      problems.push(`kind ${e.kind} is not in src/trace/kinds.ts`);
      continue;
    }
    for (const f of Object.keys(e)) if (!["seq", "t", "kind", "host"].includes(f) && !allowed.includes(f)) problems.push(`${e.kind}.${f} is not listed`);
  }
  return [...new Set(problems)];
}

describe("docs/trace.md", () => {
  it("is generated from src/trace/kinds.ts (npm run docs:trace)", () => {
    expect(readFileSync(join(ROOT, "docs/trace.md"), "utf8")).toBe(renderTraceReference());
  });

  it("lists every kind the source records, and every field of the literals it records", () => {
    const found = scan();
    expect(found.kinds.size).toBeGreaterThan(40);
    const missing = [...found.kinds].filter(([k]) => !TRACE_KINDS[k]).map(([k, w]) => `${k} (${w})`);
    expect(missing, "kinds recorded in src/ but missing from src/trace/kinds.ts").toEqual([]);
    for (const [pattern, w] of found.patterns) {
      const re = new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\*/g, "[a-z_]+")}$`);
      expect(Object.keys(TRACE_KINDS).some((k) => re.test(k)), `${pattern} (${w})`).toBe(true);
    }
    const unlisted = found.fields.filter((f) => !kindFields(f.kind)?.includes(f.field)).map((f) => `${f.kind}.${f.field} (${f.where})`);
    expect(unlisted, "fields recorded in src/ but not listed for their kind").toEqual([]);
    // Every kind listed is one the code records (directly or through a template such as tool.${kind}.invoke).
    const patterns = [...found.patterns.keys()].map((p) => new RegExp(`^${p.replace(/\./g, "\\.").replace(/\*/g, "[a-z_]+")}$`));
    const stale = Object.keys(TRACE_KINDS).filter((k) => !found.kinds.has(k) && !patterns.some((re) => re.test(k)));
    expect(stale, "kinds listed but never recorded").toEqual([]);
    for (const k of Object.values(TRACE_KINDS)) for (const f of k.fields) expect(TRACE_FIELDS[f.replace(/\?$/, "")], f).toBeDefined();
  });

  it("covers every kind and field real runs produce", async () => {
    const events: TraceEvent[] = [];
    for (const ec of EDGE_CASES) events.push(...ec.run().sim.events);
    const sim = createSimulation({ seed: 1, latency: 8 });
    const scenario = parseScenario(readFileSync(join(ROOT, "fixtures/demo/scenario.json"), "utf8"));
    await loadLuaTool(sim, { dir: join(ROOT, "fixtures/demo/line-tool") });
    installScenario(sim, scenario, []);
    sim.runUntilIdle();
    events.push(...sim.events);
    expect(new Set(events.map((e) => e.kind)).size).toBeGreaterThan(15);
    expect(checkEvents(events)).toEqual([]);
  });
});
