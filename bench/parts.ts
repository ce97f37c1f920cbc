/**
 * What the parts of two bench rows cost, in one process. Each figure is
 * the median over rounds; the plain Lua loop is timed in every round, and
 * a figure's cost in loop iterations is the median of its per-round ratios
 * to that round's loop (as the bench rows take it), so a slow minute of
 * the machine shows as a slow loop, not as slow code:
 *
 * - a `socket_message` delivery into Lua: one call of Lua's C API from
 *   JavaScript (`lua_gettop`) and the same call, and a `lua_rawgeti` with
 *   its `lua_settop`, made from wasm instead (what a crossing costs), a protected against a plain call of an empty
 *   Lua function (`lua_pcall` runs through emscripten's setjmp), three ways
 *   to copy a 32-byte message into a wasm memory, the Lua half of a
 *   delivery alone (the server's runner: look and run, which push the
 *   socket's alias and the string and make the protected call), and whole
 *   deliveries: traced, untraced, and traced with stable connection
 *   wrappers (no fresh alias per callback);
 * - a first load of the front-end bench's 5,000-line tool using `arg`: the
 *   lexer (its character loop in wasm, and in JavaScript) against a bare
 *   scan of the same text's names (a floor for any char-by-char lexer in
 *   JavaScript), the wasm scan alone, the whole translation, and the
 *   row's ratio taken as the bench takes it (one load each) and as the best
 *   of three.
 *
 *   node --import ./bench/ts-loader.mjs bench/parts.ts [--rounds N]
 *
 * It reaches into the bridge's private fields: a measuring tool, not API.
 */
import { createSimulation } from "../src/index.js";
import { lex51 } from "../src/lua/frontend/lex51.js";
import { scan51, setScan51 } from "../src/lua/frontend/scan51.js";
import { wasmCtors } from "../src/lua/wasm-module.js";
import { translate51 } from "../src/lua/frontend/index.js";
import { clearFrontEndCache, createLuaVm, type LuaVm } from "../src/lua/index.js";
import { ServerCore } from "../src/renoise/socket/server.js";
import { messageRunnerOf, type MessageRunner } from "../src/renoise/socket/notifier.js";
import { loadLuaTool } from "../src/tool/index.js";
import { luaLoopRate } from "./lua-probe.js";
import { median, timeMs as ms } from "./stats.js";
import { syntheticTool } from "./lua-frontend.js";

const argv = process.argv.slice(2);
const roundsAt = argv.indexOf("--rounds");
const ROUNDS = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 7;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error("parts: --rounds takes a whole number of at least 1");

/** The slice of the bridge this script calls directly. */
interface RawBridge {
  readonly c: Record<string, (...a: unknown[]) => number>;
  readonly current: number;
  cstring(name: string): number;
}

function rawBridge(vm: LuaVm): RawBridge {
  return (vm as unknown as { bridge: RawBridge }).bridge;
}

/** Nanoseconds per call of `body`, run `n` times (wall time of one batch). */
function nsPer(n: number, body: (n: number) => void): number {
  const t0 = process.hrtime.bigint();
  body(n);
  return Number(process.hrtime.bigint() - t0) / n;
}

const results = new Map<string, number[]>();
function put(label: string, v: number): void {
  let a = results.get(label);
  if (a === undefined) results.set(label, (a = []));
  a.push(v);
}

// ------------------------------------------------------------- a delivery

const COUNTER = "count = 0\nlocal server = assert(renoise.Socket.create_server(7000))\nserver:run({ socket_message = function(socket, message) count = count + 1 end })";
const MESSAGE = "0123456789abcdef0123456789abcdef";

/** A delivery world: a tool counting messages, a client connected to it, and the server's runner and connection. */
interface DeliveryWorld {
  /** The Lua half of `n` deliveries: the server's runner, look and run, as `runMessage` calls it. */
  run(n: number): void;
  /** `n` whole deliveries: the client sends, the simulation runs until idle; checks Lua counted them. */
  whole(n: number): void;
  dispose(): void;
}

/** A {@link DeliveryWorld} with the trace on or off and the connection wrappers fresh (Renoise's, R25) or stable. */
async function deliveryWorld(trace: boolean, wrappers: "fresh" | "stable"): Promise<DeliveryWorld> {
  const sim = createSimulation(wrappers === "stable" ? { semantics: { connectionWrappers: "stable" } } : {});
  const tool = await loadLuaTool(sim, { files: { "main.lua": COUNTER } });
  const [client, err] = sim.addHost("phone").Socket.create_client(sim.host.address, 7000);
  if (!client) throw new Error(`parts: connect failed: ${err}`);
  sim.runUntilIdle();
  const proto = ServerCore.prototype as unknown as { invokeConnectionMessage: (this: unknown, conn: unknown, peer: string, data: string) => void };
  const real = proto.invokeConnectionMessage;
  let found: { server: { notifier: Parameters<typeof messageRunnerOf>[0] }; conn: { canonical(): object; freshWrappers: boolean } } | undefined;
  proto.invokeConnectionMessage = function (this: unknown, conn: unknown, peer: string, data: string): void {
    found = { server: this as never, conn: conn as never };
    real.call(this, conn, peer, data);
  };
  try {
    client.send("x");
    sim.runUntilIdle();
  } finally {
    proto.invokeConnectionMessage = real;
  }
  if (found === undefined) throw new Error("parts: the first message reached no server");
  const runner: MessageRunner | undefined = messageRunnerOf(found.server.notifier);
  if (runner === undefined) throw new Error("parts: the Lua notifier has no message runner");
  const socket = found.conn.canonical();
  const fresh = found.conn.freshWrappers;
  sim.trace.enabled = trace;
  let sent = 1;
  return {
    run(n) {
      for (let i = 0; i < n; i++) {
        runner.look();
        runner.run(socket as never, fresh, MESSAGE, true); // the default semantics (unnamedSocket "nil")
      }
      sent += n;
    },
    whole(n) {
      for (let i = 0; i < n; i++) client.send(MESSAGE);
      sim.runUntilIdle();
      sent += n;
      const [count] = tool.vm.run("return count") as [number];
      if (count !== sent) throw new Error(`parts: Lua counted ${count} messages, ${sent} were delivered`);
    },
    dispose() {
      tool.unload();
      sim.dispose();
    },
  };
}

/** `LUA_REGISTRYINDEX`. */
const REGISTRY = -1_001_000;

/**
 * A 184-byte module that calls Lua's C API from wasm, to weigh a crossing
 * from JavaScript against a call from another wasm instance (what moving a
 * delivery's C API calls into a helper module would leave). Its text:
 *
 *   (import "l" "gettop" (func $gettop (param i32) (result i32)))
 *   (import "l" "rawgeti" (func $rawgeti (param i32 i32 i64) (result i32)))
 *   (import "l" "settop" (func $settop (param i32 i32)))
 *   (func (export "gettops") (param $L i32) (param $n i32) (result i32)
 *     ;; $n times: sum += gettop($L); returns the sum
 *   (func (export "rawgetis") (param $L i32) (param $idx i32) (param $key i64) (param $n i32)
 *     ;; $n times: rawgeti($L, $idx, $key); settop($L, -2)
 *
 * assembled with wabt's wat2wasm. Undefined when the module's raw exports
 * are not reachable.
 */
function callerModule(c: RawBridge["c"]): { gettops(L: number, n: number): number; rawgetis(L: number, idx: number, key: bigint, n: number): void } | undefined {
  const raw = (c as unknown as { rawExports?: Record<string, unknown> }).rawExports;
  if (raw === undefined) return undefined;
  const bytes = Buffer.from(
    "AGFzbQEAAAABHwVgAX8Bf2ADf39+AX9gAn9/AGACf38Bf2AEf39+fwACIwMBbAZnZXR0b3AAAAFsB3Jhd2dldGkAAQFsBnNldHRvcAACAwMCAwQHFgIHZ2V0dG9wcwADCHJhd2dldGlzAAQKSwIjAQF/AkADQCABRQ0BIAIgABAAaiECIAFBAWshAQwACwsgAgslAAJAA0AgA0UNASAAIAEgAhABGiAAQX4QAiADQQFrIQMMAAsLCw==",
    "base64",
  );
  const Wasm = wasmCtors();
  if (Wasm === undefined) return undefined;
  const instance = new Wasm.Instance(new Wasm.Module(bytes), {
    l: { gettop: raw.lua_gettop, rawgeti: raw.lua_rawgeti, settop: raw.lua_settop },
  });
  return instance.exports as never;
}

async function deliveryRound(round: number): Promise<void> {
  const vm = await createLuaVm({ luaVersion: "5.1", instructionLimit: 0 });
  const b = rawBridge(vm);
  const c = b.c;
  const L = b.current;
  vm.run("function empty(a, b) end");
  const name = b.cstring("empty");
  const N = 200_000;
  put("one call of Lua's C API from JavaScript (lua_gettop)", nsPer(N, (n) => {
    for (let i = 0; i < n; i++) c._lua_gettop!(L);
  }));
  const fromWasm = callerModule(c);
  if (fromWasm !== undefined) {
    put("the same call made from wasm (a small module importing it)", nsPer(N, (n) => void fromWasm.gettops(L, n)));
    put("lua_rawgeti + lua_settop from JavaScript", nsPer(N, (n) => {
      for (let i = 0; i < n; i++) {
        c._lua_rawgeti!(L, REGISTRY, 2n);
        c._lua_settop!(L, -2);
      }
    }));
    put("lua_rawgeti + lua_settop from wasm", nsPer(N, (n) => fromWasm.rawgetis(L, REGISTRY, 2n, n)));
  }
  const top = c._lua_gettop!(L);
  const pushThree = (): void => {
    c._lua_getglobal!(L, name);
    c._lua_pushinteger!(L, 1n);
    c._lua_pushinteger!(L, 2n);
  };
  // Every loop ends with the same lua_settop (a no-op after a call, which leaves the stack at `top`), so the
  // baseline's calls are the call loops' calls but the call itself.
  const none = nsPer(N, (n) => {
    for (let i = 0; i < n; i++) {
      pushThree();
      c._lua_settop!(L, top);
    }
  });
  put("lua_call of an empty Lua function, beyond its pushes", nsPer(N, (n) => {
    for (let i = 0; i < n; i++) {
      pushThree();
      c._lua_callk!(L, 2, 0, 0, 0);
      c._lua_settop!(L, top);
    }
  }) - none);
  put("lua_pcall of the same, beyond its pushes", nsPer(N, (n) => {
    for (let i = 0; i < n; i++) {
      pushThree();
      c._lua_pcallk!(L, 2, 0, 0, 0, 0);
      c._lua_settop!(L, top);
    }
  }) - none);
  vm.close();

  // The copies a 32-byte message may take into a wasm memory (a memory of its own, of the module's kind).
  const Memory = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number }) => { buffer: ArrayBuffer } } }).WebAssembly.Memory;
  const memory = new Memory({ initial: 32 });
  const heap = new Uint8Array(memory.buffer);
  // Node's own latin1 copy (what Buffer#write(s, at, n, "latin1") calls, without its argument checks).
  const view = Buffer.from(memory.buffer) as Buffer & { latin1Write(s: string, at: number, n: number): number };
  const target = heap.subarray(1024, 1024 + 4096);
  const encoder = new TextEncoder();
  const texts = Array.from({ length: 64 }, (_, i) => MESSAGE.slice(0, 31) + String.fromCharCode(65 + (i % 26)));
  put("32 B into a wasm memory: TextEncoder.encodeInto (what the bridge uses)", nsPer(N, (n) => {
    for (let i = 0; i < n; i++) if (encoder.encodeInto(texts[i & 63]!, target).written !== 32) throw new Error("parts: not ASCII");
  }));
  put("32 B into a wasm memory: Buffer latin1Write", nsPer(N, (n) => {
    for (let i = 0; i < n; i++) view.latin1Write(texts[i & 63]!, 1024, 32);
  }));
  put("32 B into a wasm memory: a char loop", nsPer(N, (n) => {
    for (let i = 0; i < n; i++) {
      const s = texts[i & 63]!;
      for (let j = 0; j < 32; j++) heap[1024 + j] = s.charCodeAt(j);
    }
  }));

  const lua = await deliveryWorld(true, "fresh");
  lua.run(20_000);
  put("the Lua half of a delivery (the runner's look and run: the socket (nil: the handler never names it), the string, pcall)", nsPer(100_000, (n) => lua.run(n)));
  lua.dispose();
  // Whole deliveries, one world each (warmed by one batch), each figure the faster of two batches, the three in an
  // order that rotates from round to round; the two ratios are taken within the round.
  const whole: [string, boolean, "fresh" | "stable"][] = [
    ["a whole delivery, 32 B, trace on (send, network, queue, Lua)", true, "fresh"],
    ["a whole delivery, 32 B, trace off", false, "fresh"],
    ["a whole delivery, 32 B, trace on, stable connection wrappers", true, "stable"],
  ];
  const ns: number[] = [];
  for (let j = 0; j < whole.length; j++) {
    const k = (round + j) % whole.length;
    const [, trace, wrappers] = whole[k]!;
    const w = await deliveryWorld(trace, wrappers);
    w.whole(10_000);
    ns[k] = Math.min(nsPer(10_000, (n) => w.whole(n)), nsPer(10_000, (n) => w.whole(n)));
    w.dispose();
  }
  whole.forEach(([label], k) => put(label, ns[k]!));
  put("a whole delivery: trace off against trace on, ×", ns[1]! / ns[0]!);
  put("a whole delivery: stable connection wrappers against fresh ones (trace on; the handler never names its socket, so both pass nil from its second call), ×", ns[2]! / ns[0]!);
}

// ------------------------------------------------------------ a first load

const TOOL = syntheticTool(5000, false);
const TOOL_ARG = syntheticTool(5000, true);

/** Counts the names of `a` (a bare scan: the least a lexer must do per char of a name). */
function scanNames(a: Uint8Array, n: number, nameChar: Uint8Array): number {
  let k = 0;
  let i = 0;
  while (i < n) {
    if (nameChar[a[i]!] === 1) {
      k++;
      while (nameChar[a[++i]!] === 1);
    } else i++;
  }
  return k;
}

async function loadMs(tool: string, version: "5.1" | "5.4", cold: boolean): Promise<number> {
  const vm = await createLuaVm({ luaVersion: version, instructionLimit: 0 });
  if (cold) clearFrontEndCache();
  const t = ms(() => void vm.run(tool, "@main.lua"));
  vm.close();
  return t;
}

async function frontEndRound(): Promise<void> {
  const nameChar = new Uint8Array(256);
  for (let ch = 0; ch < 128; ch++) if (/[A-Za-z0-9_]/.test(String.fromCharCode(ch))) nameChar[ch] = 1;
  const bytes = new Uint8Array(Buffer.from(TOOL_ARG, "latin1"));
  for (let i = 0; i < 5; i++) scanNames(bytes, bytes.length, nameChar);
  put("scan of the names of the tool using arg (211 KB), ms", median(Array.from({ length: 9 }, () => ms(() => void scanNames(bytes, bytes.length, nameChar)))));
  // As `vm.run` reads a chunk (not a file: no shebang line), `..` left as it is (numbers in C).
  put("lex51 of it, arg nesting followed (what a first load runs: the character loop in wasm), ms", median(Array.from({ length: 9 }, () => ms(() => void lex51(TOOL_ARG, false, false, true)))));
  setScan51(false);
  put("lex51 of it, the character loop in JavaScript (the wasm scan off), ms", median(Array.from({ length: 9 }, () => ms(() => void lex51(TOOL_ARG, false, false, true)))));
  setScan51(true);
  put("the wasm scan alone (the chunk copied in, the events out), ms", median(Array.from({ length: 9 }, () => ms(() => void scan51(TOOL_ARG, 0)))));
  put("translate51 of it (lexer, edits, cache), ms", median(Array.from({ length: 9 }, () => {
    clearFrontEndCache();
    return ms(() => void translate51(TOOL_ARG, false, false));
  })));
  const single: number[] = [];
  const best: number[] = [];
  for (let i = 0; i < 5; i++) {
    single.push((await loadMs(TOOL_ARG, "5.1", true)) / (await loadMs(TOOL, "5.4", false)));
    const ref = Math.min(await loadMs(TOOL, "5.4", false), await loadMs(TOOL, "5.4", false), await loadMs(TOOL, "5.4", false));
    const arg = Math.min(await loadMs(TOOL_ARG, "5.1", true), await loadMs(TOOL_ARG, "5.1", true), await loadMs(TOOL_ARG, "5.1", true));
    best.push(arg / ref);
  }
  put("5.4 load of the tool without arg (the row's reference), ms", await loadMs(TOOL, "5.4", false));
  put("first-load ratio, one load each (as the bench row), ×", median(single));
  put("first-load ratio, best of three each, ×", median(best));
}

// ------------------------------------------------------------------ report

const LOOP = "plain Lua loop, ns/iteration";

/** A figure's text: two decimals below 10, else none. */
function num(v: number): string {
  return v.toFixed(v < 10 ? 2 : 0);
}

async function main(): Promise<void> {
  for (let r = 0; r <= ROUNDS; r++) {
    const loop = 1e9 / (await luaLoopRate());
    await deliveryRound(r);
    await frontEndRound();
    if (r === 0) {
      results.clear(); // the first round warms up
      continue;
    }
    put(LOOP, loop);
  }
  const loops = results.get(LOOP)!;
  console.log(`${ROUNDS} rounds, medians [min–max]; plain Lua loop ${num(median(loops))} ns/iteration [${num(Math.min(...loops))}–${num(Math.max(...loops))}]`);
  for (const [label, xs] of results) {
    if (label === LOOP) continue;
    const range = `[${num(Math.min(...xs))}–${num(Math.max(...xs))}]`;
    // Per round against that round's loop (every figure is put once a round), then the median: as the bench rows.
    const inLoop = label.endsWith("ms") || label.endsWith("×") ? "" : `  = ${median(xs.map((v, i) => v / loops[i]!)).toFixed(1)} loop iterations`;
    console.log(`  ${label}: ${num(median(xs))} ${range}${inLoop}`);
  }
}

await main();
