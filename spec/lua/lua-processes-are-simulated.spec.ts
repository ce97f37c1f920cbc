import { describe, expect, it } from "vitest";
import { createLuaVm } from "../../src/lua/index.js";

// os.execute and io.popen never start a real process: they are recorded and
// answered from what the test supplies; by default the command fails.
describe("Lua host: processes are simulated", () => {
  it("fails an unanswered os.execute as a missing command (5.1 status 127*256) and records it", async () => {
    const vm = await createLuaVm();
    expect(vm.run("return os.execute('xdg-open http://127.0.0.1:8000/')", "@main.lua")).toEqual([127 * 256]);
    expect(vm.systemCalls).toEqual([
      { kind: "process", call: "os.execute", command: "xdg-open http://127.0.0.1:8000/", exitCode: 127, answered: false },
    ]);
    vm.close();
  });

  it("reports the exit code itself on Windows, as C system() does there", async () => {
    const vm = await createLuaVm({ platform: "WINDOWS", processes: () => ({ exitCode: 3 }) });
    expect(vm.run("return os.execute('start http://x/')")).toEqual([3]);
    vm.close();
  });

  it("answers io.popen from the test: the tool reads the supplied output", async () => {
    const seen: string[] = [];
    const vm = await createLuaVm({
      processes: (call) => {
        seen.push(`${call.call} ${call.command} ${call.mode ?? ""}`);
        return call.command === "uname" ? { output: "Linux\n" } : undefined;
      },
    });
    expect(vm.run("local p = io.popen('uname') return p:read('*l'), p:close()")).toEqual(["Linux", true]);
    expect(vm.run("local p = io.popen('missing-tool --version') return p:read('*a')")).toEqual([""]);
    expect(seen).toEqual(["io.popen uname r", "io.popen missing-tool --version r"]);
    vm.close();
  });

  it("keeps a tool running after it tries to open a browser", async () => {
    const vm = await createLuaVm();
    expect(vm.run("os.execute('open http://localhost:8000') io.popen('xdg-open x') return 'still running'")).toEqual([
      "still running",
    ]);
    vm.close();
  });
});
