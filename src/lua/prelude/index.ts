import { BASE_LUA } from "./base.js";
import { BIT_LUA } from "./bit.js";
import { CLASS_LUA } from "./class.js";
import { COMPAT51_LUA } from "./compat51.js";
import { IO_LUA } from "./io.js";
import { OS_LUA } from "./os.js";
import { STDLIB_LUA } from "./stdlib.js";

/** Prelude chunks in the order they run at VM start; each gets the `host` table as `...`. */
export const PRELUDES: readonly { readonly name: string; readonly source: string }[] = [
  { name: "base", source: BASE_LUA },
  { name: "compat51", source: COMPAT51_LUA },
  { name: "bit", source: BIT_LUA },
  { name: "class", source: CLASS_LUA },
  { name: "stdlib", source: STDLIB_LUA },
  { name: "io", source: IO_LUA },
  { name: "os", source: OS_LUA },
];
