/** Parsed command line: positional words and `--flag value` / `--flag=value` / `--switch` options. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** A command-line mistake: exit code 2 with this message. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Parses argv. `valued` lists the flags that take a value; any other flag
 * is a switch. Unknown flags are an error naming the command's --help.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], switches: readonly string[], command: string): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq === -1 ? undefined : eq);
    if (valued.includes(name)) {
      const value = eq === -1 ? argv[++i] : a.slice(eq + 1);
      if (value === undefined || value === "") throw new UsageError(`${command}: --${name} needs a value`);
      flags.set(name, value);
    } else if (switches.includes(name) && eq === -1) {
      flags.set(name, true);
    } else {
      throw new UsageError(`${command}: unknown option --${name} (see renoise-sim ${command} --help)`);
    }
  }
  return { positional, flags };
}

/** Reads an integer flag, or `fallback`. */
export function intFlag(args: ParsedArgs, name: string, command: string, fallback?: number): number | undefined {
  const v = args.flags.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (v === true || !Number.isInteger(n)) throw new UsageError(`${command}: --${name} must be an integer, got ${String(v)}`);
  return n;
}

/** Reads a string flag. */
export function strFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === "string" ? v : undefined;
}
