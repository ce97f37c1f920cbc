import { expect, it } from "vitest";
import { colorEnabled } from "../../src/cli/term.js";
import { cli, cliSpawn } from "../support/cli.js";

// Colour follows FORCE_COLOR (wins; 0/false turn it off), then NO_COLOR (non-empty turns it off), then the terminal.
it("honours FORCE_COLOR and NO_COLOR", async () => {
  const table: [Record<string, string>, boolean, boolean][] = [
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: "1" }, true, false],
    [{ NO_COLOR: "" }, true, true],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "" }, false, true],
    [{ FORCE_COLOR: "0" }, true, false],
    [{ FORCE_COLOR: "false" }, true, false],
    [{ FORCE_COLOR: "1", NO_COLOR: "1" }, false, true],
  ];
  for (const [env, tty, want] of table) expect(colorEnabled(env, tty), `${JSON.stringify(env)} tty=${tty}`).toBe(want);
  const forced = await cli(["run", "fixtures/demo/line-tool", "--quiet"], undefined, { FORCE_COLOR: "1" });
  expect(forced.stderr).toContain("\x1b[32m✓ finished");
  const plain = await cli(["run", "fixtures/demo/line-tool", "--quiet"], undefined, { NO_COLOR: "1" });
  expect(plain.stderr).not.toContain("\x1b[");
});

it("the built binary reads the colour variables from its environment", () => {
  const forced = cliSpawn(["run", "fixtures/demo/line-tool", "--quiet"], undefined, { FORCE_COLOR: "1" });
  expect(forced.stderr).toContain("\x1b[32m✓ finished");
  const plain = cliSpawn(["run", "fixtures/demo/line-tool", "--quiet"], undefined, { NO_COLOR: "1" });
  expect(plain.stderr).not.toContain("\x1b[");
});
