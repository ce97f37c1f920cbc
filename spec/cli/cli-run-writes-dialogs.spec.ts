import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli, ROOT, tmp } from "../support/cli.js";

// renoise-sim run --dialogs <dir> prints each open dialog as text and writes it as an HTML page.
it("run --dialogs writes the tool's open dialogs as HTML and prints them as text", async () => {
  const dir = tmp();
  const r = await cli(["run", join(ROOT, "fixtures/tools/prefs-server"), "--quiet", "--dialogs", join(dir, "dialogs")], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('dialog "Prefs Server"');
  expect(r.stderr).toContain("button #start [Start]");
  const html = readFileSync(join(dir, "dialogs", "1-prefs-server.html"), "utf8");
  expect(html).toContain("<title>Prefs Server</title>");
  expect(html).toContain('<button data-id="start"');
  expect(html).toContain('<input class="textfield" data-id="port" value="8000"');
});
