const CLASSES: Record<string, string> = {
  a: "A-Za-z",
  d: "0-9",
  l: "a-z",
  s: "\\t\\n\\v\\f\\r ",
  u: "A-Z",
  w: "A-Za-z0-9",
  x: "A-Fa-f0-9",
  p: "!-\\/:-@\\[-`{-~",
  c: "\\x00-\\x1f\\x7f",
};

function classOf(c: string, inSet: boolean): string {
  const lower = c.toLowerCase();
  const body = CLASSES[lower];
  if (body === undefined) return "\\" + (/[a-zA-Z0-9]/.test(c) ? c : c);
  if (c === lower) return inSet ? body : `[${body}]`;
  return inSet ? "" : `[^${body}]`;
}

/**
 * Turns a Lua pattern (as busted's `--filter` takes) into a RegExp: `%`
 * classes and escapes, sets, anchors, and the `-` lazy repetition. Captures,
 * `%b` and `%f` are not supported (a usage error names them).
 */
export function luaPatternToRegExp(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "%") {
      const n = pattern[++i];
      if (n === undefined) throw new Error(`filter "${pattern}" ends with %`);
      if (n === "b" || n === "f") throw new Error(`filter "${pattern}": %${n} is not supported`);
      out += classOf(n, false);
    } else if (c === "[") {
      let set = "[";
      i++;
      if (pattern[i] === "^") {
        set += "^";
        i++;
      }
      for (; i < pattern.length && pattern[i] !== "]"; i++) {
        const s = pattern[i]!;
        if (s === "%") set += classOf(pattern[++i] ?? "%", true) || "";
        else set += s === "\\" || s === "[" ? "\\" + s : s;
      }
      out += set + "]";
    } else if (c === "-") {
      out += out.length ? "*?" : "\\-";
    } else if (c === "^" && i === 0) {
      out += "^";
    } else if (c === "$" && i === pattern.length - 1) {
      out += "$";
    } else if (c === "(" || c === ")") {
      out += c === "(" ? "(?:" : ")";
    } else if ("\\{}|/^$".includes(c)) {
      out += "\\" + c;
    } else {
      out += c;
    }
  }
  return new RegExp(out);
}
