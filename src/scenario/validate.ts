import { buildSong } from "../renoise/song/fixture.js";
import type Ajv2020Import from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { nodeRequire } from "../core/node-require.js";
import { scenarioSchema } from "./schema.js";
import type { Scenario } from "./types.js";

export { CONDITIONS, FAULTS } from "./schema.js";

/** A scenario file that does not match the format; `path` points at the field. */
export class ScenarioError extends Error {
  override name = "ScenarioError";
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

type AjvClass = typeof Ajv2020Import;
let compiled: ValidateFunction<Scenario> | undefined;

/**
 * The scenario schema's validator, made on first use: loading ajv and
 * compiling the schema took ~0.2 s of every command line start, most of
 * which never read a scenario (see core/node-require.ts).
 */
function check(v: unknown): v is Scenario {
  if (compiled === undefined) {
    // ajv is CommonJS: its class is the module itself or its `default` export.
    const mod = nodeRequire("ajv/dist/2020.js") as AjvClass & { default?: AjvClass };
    const Ajv2020 = mod.default ?? mod;
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true });
    ajv.addKeyword({ keyword: "x-expected", schemaType: "string" });
    compiled = ajv.compile<Scenario>(scenarioSchema);
  }
  return compiled(v);
}

/** "/peers/0/steps/1" → "scenario.peers[0].steps[1]". */
function pathOf(pointer: string): string {
  let out = "scenario";
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    out += /^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`;
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  integer: "a whole number",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  array: "an array",
};

function typeWords(t: unknown): string {
  const list = String(t).split(",").map((x) => TYPE_WORDS[x] ?? x);
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]!}`;
}

function show(v: unknown): string {
  return v === undefined ? "nothing" : JSON.stringify(v);
}

/** Schema keywords that are the noise of a failed oneOf branch (the oneOf error itself says it better). */
function insideFailedChoice(e: ErrorObject, choices: ErrorObject[]): boolean {
  return choices.some((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`));
}

/** The one error to report: the most specific field, choice errors instead of their branches' noise. */
function pick(errors: ErrorObject[]): ErrorObject {
  const choices = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf" || e.keyword === "discriminator");
  const useful = errors.filter((e) => !insideFailedChoice(e, choices));
  const depth = (e: ErrorObject): number => e.instancePath.split("/").length + (e.keyword === "additionalProperties" || e.keyword === "required" ? 1 : 0);
  return useful.reduce((best, e) => (depth(e) > depth(best) ? e : best), useful[0] ?? errors[0]!);
}

/** The field and the problem, in words. */
function describe(e: ErrorObject): { path: string; detail: string } {
  const path = pathOf(e.instancePath);
  const parent: unknown = e.parentSchema;
  const expected = typeof parent === "object" && parent !== null ? (parent as Record<string, unknown>)["x-expected"] : undefined;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties": {
      const allowed = Object.keys(((e.parentSchema as { properties?: object }).properties ?? {}));
      return { path: `${path}.${String(p.additionalProperty)}`, detail: `unknown field; expected one of ${allowed.join(", ")}` };
    }
    case "required":
      return { path: `${path}.${String(p.missingProperty)}`, detail: "missing; this field is required" };
    case "dependentRequired":
      return { path: `${path}.${String(p.property)}`, detail: `only allowed together with "${String(p.missingProperty)}"` };
    case "discriminator":
      return {
        path: `${path}.${String(p.tag)}`,
        detail: `expected one of ${((e.parentSchema as { oneOf: { properties: { kind: { const: string } } }[] }).oneOf ?? []).map((b) => JSON.stringify(b.properties.kind.const)).join(", ")}, got ${show(p.tagValue)}`,
      };
    case "enum":
      return { path, detail: `expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}, got ${show(e.data)}` };
    case "const":
      return { path, detail: `expected ${JSON.stringify(p.allowedValue)}, got ${show(e.data)}` };
    case "type":
      return { path, detail: `expected ${typeof expected === "string" ? expected : typeWords(p.type)}, got ${show(e.data)}` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { path, detail: `expected a number ${String(p.comparison)} ${String(p.limit)}, got ${show(e.data)}` };
    case "minLength":
      return { path, detail: `expected a non-empty string, got ${show(e.data)}` };
    default:
      return { path, detail: `expected ${typeof expected === "string" ? expected : (e.message ?? "a different value")}, got ${show(e.data)}` };
  }
}

/**
 * Checks a parsed scenario against the scenario JSON Schema (with ajv);
 * throws {@link ScenarioError} naming the bad field and the problem.
 */
export function validateScenario(v: unknown): Scenario {
  if (check(v)) {
    if (v.song !== undefined) checkSong("scenario.song", v.song);
    return v;
  }
  const { path, detail } = describe(pick(compiled?.errors ?? []));
  throw new ScenarioError(path, detail);
}

/** A song fixture that matches the schema may still be impossible (a send track before the master...): building it tells. */
function checkSong(path: string, song: unknown): void {
  try {
    buildSong(song as Parameters<typeof buildSong>[0]);
  } catch (e) {
    throw new ScenarioError(path, (e as Error).message.replace(/^song fixture: /, ""));
  }
}

/** Every problem ajv found, one line each (for tools that want them all). */
export function scenarioProblems(v: unknown): string[] {
  if (check(v)) return [];
  const errors = compiled?.errors ?? [];
  const choices = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf" || e.keyword === "discriminator");
  return errors.filter((e) => !insideFailedChoice(e, choices)).map((e) => {
    const d = describe(e);
    return `${d.path}: ${d.detail}`;
  });
}

/** Parses and validates scenario JSON text. */
export function parseScenario(json: string): Scenario {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch (e) {
    throw new ScenarioError("scenario", `not valid JSON: ${(e as Error).message}`);
  }
  return validateScenario(v);
}
