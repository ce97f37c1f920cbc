import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// Files outside the tool folder: no error is raised; reads see only what the
// test supplies (externalFiles), writes fail, and every attempt is recorded.
describe("Lua host: files outside the tool folder", () => {
  it("reads supplied files, fails everything else as on a machine without them, and records each attempt", async () => {
    const vm = await createLuaVm({ externalFiles: { "/etc/renoise/config.txt": "port=9000\n" } });
    expect(vm.run("return io.open('/etc/renoise/config.txt'):read('*l')")).toEqual(["port=9000"]);
    expect(vm.run("return io.exists('/etc/renoise/config.txt'), io.exists('/etc/passwd')")).toEqual([true, false]);
    expect(vm.run("return io.open('/etc/passwd')")).toEqual([undefined, "/etc/passwd: No such file or directory", 2]);
    expect(vm.run("return io.open('/etc/renoise/config.txt', 'w')")).toEqual([
      undefined,
      "/etc/renoise/config.txt: Permission denied",
      13,
    ]);
    expect(vm.run("return os.remove('/tmp/x')")).toEqual([undefined, "/tmp/x: Permission denied", 13]);
    expect(vm.systemCalls.map((c) => (c.kind === "file" ? `${c.call} ${c.path} ${c.result}` : c.kind))).toEqual([
      "io.open /etc/renoise/config.txt supplied",
      "io.exists /etc/renoise/config.txt supplied",
      "io.exists /etc/passwd refused",
      "io.open /etc/passwd refused",
      "io.open /etc/renoise/config.txt supplied",
      "os.remove /tmp/x refused",
    ]);
    vm.close();
  });
});
