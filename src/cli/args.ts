import { parseArgs as nodeParseArgs } from "node:util";

/** Parsed command line: positional words and `--flag value` / `--flag=value` / `--switch` options. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** A command-line mistake: exit code 2 with this message. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A value that is an option, not a value: `--runs`, `-h`; but `-5` is a (negative) number. */
function looksLikeOption(v: string): boolean {
  return v.startsWith("-") && !/^-\d/.test(v);
}

/**
 * Parses argv with `node:util`'s `parseArgs`. `valued` lists the flags that
 * take a value (`--port 80` or `--port=80`); any other flag is a switch;
 * `-h` is `--help`. A flag missing its value is an error and never takes the
 * next flag as its value (`--port --runs 5`); unknown flags are an error
 * naming the command's --help.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], switches: readonly string[], command: string): ParsedArgs {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const name of valued) options[name] = { type: "string" };
  for (const name of switches) options[name] = { type: "boolean", ...(name === "help" ? { short: "h" } : {}) };
  // strict: false and tokens: we check every token ourselves, for messages that name the command.
  const { tokens } = nodeParseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (const tok of tokens) {
    if (tok.kind === "positional") {
      positional.push(tok.value);
      continue;
    }
    if (tok.kind === "option-terminator") continue;
    const name = tok.name;
    const spec = options[name];
    if (!spec) throw new UsageError(`${command}: unknown option ${tok.rawName} (see renoise-sim ${command} --help)`);
    if (spec.type === "boolean") {
      if (tok.value !== undefined) throw new UsageError(`${command}: --${name} takes no value (got ${tok.rawName}=${tok.value})`);
      flags.set(name, true);
      continue;
    }
    const value = tok.value;
    if (value === undefined || value === "") throw new UsageError(`${command}: --${name} needs a value`);
    if (!tok.inlineValue && looksLikeOption(value)) {
      throw new UsageError(`${command}: --${name} needs a value, but the next word is the option ${value} (write --${name}=${value} if you mean it)`);
    }
    flags.set(name, value);
  }
  return { positional, flags };
}

/** Bounds for {@link intFlag}. */
export interface IntRange {
  min?: number;
  max?: number;
}

/** Reads an integer flag, or `fallback`; a value outside `range` is an error saying so. */
export function intFlag(args: ParsedArgs, name: string, command: string, fallback?: number, range: IntRange = {}): number | undefined {
  const v = args.flags.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v === true || v.trim() === "" || !Number.isInteger(n)) throw new UsageError(`${command}: --${name} must be an integer, got ${String(v)}`);
  const { min, max } = range;
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const bounds = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    throw new UsageError(`${command}: --${name} ${v} is out of range: it must be ${bounds}`);
  }
  return n;
}

/** Reads a string flag. */
export function strFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === "string" ? v : undefined;
}
