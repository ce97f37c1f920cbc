/**
 * How Lua names a chunk in messages (`luaO_chunkid`, LUA_IDSIZE 60):
 * `"@main.lua"` → `main.lua`, `"=stdin"` → `stdin`, source text →
 * `[string "first line..."]`.
 *
 * @internal
 */
const IDSIZE = 60;

export function chunkId(chunkname: string): string {
  const len = chunkname.length;
  if (chunkname.startsWith("=")) {
    return len <= IDSIZE ? chunkname.slice(1) : chunkname.slice(1, IDSIZE);
  }
  if (chunkname.startsWith("@")) {
    return len <= IDSIZE ? chunkname.slice(1) : "..." + chunkname.slice(len - (IDSIZE - 3));
  }
  const room = IDSIZE - '[string "..."]'.length - 1;
  const nl = chunkname.indexOf("\n");
  if (len < room && nl < 0) return `[string "${chunkname}"]`;
  let s = nl >= 0 ? chunkname.slice(0, nl) : chunkname;
  if (s.length > room) s = s.slice(0, room);
  return `[string "${s}..."]`;
}
