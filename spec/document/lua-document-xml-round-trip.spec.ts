import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

const DOC = `
class "Peer" (renoise.Document.DocumentNode)
function Peer:__init()
  renoise.Document.DocumentNode.__init(self)
  self:add_property("host", "10.0.0.2")
  self:add_property("port", 9000)
end
doc = renoise.Document.create("ServerPrefs") {
  port = 8000,
  name = "a <b> & \\"c\\"",
  enabled = true,
  ratio = 0.1,
  allowed = { "10.0.0.2", "10.0.0.3" },
  levels = { 1, 2.5 },
  peers = renoise.Document.DocumentList(),
  nested = { depth = 2 },
}
doc.peers:insert(Peer())
`;

describe("renoise.Document XML: save_as, load_from, to_string", () => {
  it("writes the documented format and reads it back into a fresh instance", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": DOC } });
    const [xml] = tool.vm.run("return doc:to_string()");
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<ServerPrefs doc_version="0">',
        "  <allowed>",
        "    <Item>10.0.0.2</Item>",
        "    <Item>10.0.0.3</Item>",
        "  </allowed>",
        "  <enabled>true</enabled>",
        "  <levels>",
        "    <Item>1</Item>",
        "    <Item>2.5</Item>",
        "  </levels>",
        "  <name>a &lt;b&gt; &amp; &quot;c&quot;</name>",
        "  <nested>",
        "    <depth>2</depth>",
        "  </nested>",
        "  <peers>",
        '    <Item type="Peer">',
        "      <host>10.0.0.2</host>",
        "      <port>9000</port>",
        "    </Item>",
        "  </peers>",
        "  <port>8000</port>",
        "  <ratio>0.1</ratio>",
        "</ServerPrefs>",
        "",
      ].join("\n"),
    );
    const out = tool.vm.run(`
      assert(doc:save_as("prefs.xml"))
      local copy = renoise.Document.instantiate("ServerPrefs")
      copy.port.value = 1; copy.allowed:remove(); copy.peers:remove()
      assert(copy:load_from("prefs.xml"))
      return copy.port.value, #copy.allowed, copy.allowed[2].value, copy.peers[1].port.value, copy.name.value,
        copy:to_string() == doc:to_string()`);
    expect(out).toEqual([8000, 2, "10.0.0.3", 9000, 'a <b> & "c"', true]);
    tool.unload();
  });

  it("load_from reports a malformed file or an unregistered class as false, message", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": DOC, "bad.xml": "<ServerPrefs><port>1</ServerPrefs>" } });
    const [ok, err] = tool.vm.run(`return doc:load_from("bad.xml")`);
    expect(ok).toBe(false);
    expect(err).toMatch(/malformed XML at line 1: expected <\/port>/);
    const r = tool.vm.run(`local x = doc:to_string(); _G.Peer = nil; return doc:from_string(x)`);
    expect(r[0]).toBe(false);
    expect(r[1]).toMatch(/'Peer' was not registered/);
    tool.unload();
  });

  it("list notifiers get Renoise's notification tables", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `
local l = renoise.Document.ObservableStringList()
l:add_notifier(function(n) print(n.type, n.index or (n.index1 .. "," .. n.index2)) end)
l:insert("a"); l:insert(1, "b"); l:swap(1, 2); l:remove(1)
assert(not pcall(function() l:remove(5) end))
assert(l:find("b") == 1)`,
      },
    });
    expect(tool.printed).toEqual(["insert\t1", "insert\t1", "swap\t1,2", "remove\t1"]);
    tool.unload();
  });
});
