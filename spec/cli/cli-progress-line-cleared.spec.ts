import { describe, expect, it } from "vitest";
import { progressText, startProgress } from "../../src/cli/progress.js";
import { makeTerm } from "../../src/cli/term.js";

// On a terminal the fuzz progress is one erasable status line with rate and time left;
// it is erased before anything else prints, so a report never starts glued to it.
function fakeTerminal(tty: boolean) {
  const log: string[] = [];
  let now = 0;
  const term = makeTerm({
    stdout: { write: (s: string) => log.push(`out:${s}`), isTTY: tty },
    stderr: { write: (s: string) => log.push(`err:${s}`), isTTY: tty },
    env: {},
    clock: () => now,
  });
  return { term, log, advance: (ms: number) => (now += ms) };
}

describe("the progress line", () => {
  it("is erased before the next output", () => {
    const { term, log, advance } = fakeTerminal(true);
    const p = startProgress(term, { what: "fuzz", seed: 7, total: 100 });
    advance(2000);
    p.update(40, 100);
    term.out("Failure found\n");
    expect(log).toEqual(["err:\r\x1b[K  [############..................] 40/100  20/s, ~3s left", "err:\r\x1b[K", "out:Failure found\n"]);
    p.end();
  });

  it("prints a plain count once per tenth off a terminal, without rate or time left (the same campaign prints the same lines)", () => {
    const { term, log, advance } = fakeTerminal(false);
    const p = startProgress(term, { what: "fuzz", seed: 7, total: 10 });
    for (let i = 1; i <= 10; i++) {
      advance(500);
      p.update(i, 10);
    }
    p.update(11, 10);
    p.end();
    expect(log[0]).toBe("err:fuzz: 1/10 scenarios\n");
    expect(log[9]).toBe("err:fuzz: 10/10 scenarios\n");
    expect(log[10]).toBe("err:fuzz: shrinking a failure…\n");
    expect(log).toHaveLength(11);
  });

  it("shows the bar and count without rate or time left when the entry passes no clock (src/ never reads real time)", () => {
    const log: string[] = [];
    const term = makeTerm({ stdout: { write: () => true, isTTY: true }, stderr: { write: (s: string) => log.push(s), isTTY: true }, env: {} });
    const p = startProgress(term, { what: "fuzz", seed: 7, total: 100 });
    p.update(40, 100);
    p.end();
    expect(log).toEqual(["\r\x1b[K  [############..................] 40/100", "\r\x1b[K"]);
  });

  it("formats long times left in minutes", () => {
    expect(progressText(1, 1000, 1000, false)).toBe("1/1000 scenarios, 1.0/s, ~16m39s left");
    expect(progressText(0, 1000, 0, false)).toBe("0/1000 scenarios");
  });
});
