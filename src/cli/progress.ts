import type { Term } from "./term.js";

/** How far a campaign got: what Ctrl-C prints. */
export interface CampaignState {
  what: string;
  seed: number;
  done: number;
  total: number;
}

let current: CampaignState | undefined;

/** The campaign running now, if any (for the Ctrl-C report). */
export function currentCampaign(): CampaignState | undefined {
  return current;
}

/** "12s", "3m05s": a duration for humans. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

/** Rate (per second) and time left (ms) after `done` of `total` in `elapsed` ms; undefined before the first. */
export function rateAndEta(done: number, total: number, elapsed: number): { rate: number; left: number } | undefined {
  if (done <= 0 || elapsed <= 0) return undefined;
  const rate = (done * 1000) / elapsed;
  return { rate, left: ((total - done) * 1000) / rate };
}

/** The progress text after `done` of `total`: a bar on a terminal, plain otherwise. */
export function progressText(done: number, total: number, elapsed: number, bar: boolean, noun = "scenarios"): string {
  const re = rateAndEta(done, total, elapsed);
  const speed = re ? `${re.rate.toFixed(re.rate < 10 ? 1 : 0)}/s, ${done >= total ? "done" : `~${formatDuration(re.left)} left`}` : "";
  if (bar) {
    const width = 30;
    const filled = Math.round((done / total) * width);
    return `  [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${speed ? `  ${speed}` : ""}`;
  }
  return `${done}/${total} ${noun}${speed ? `, ${speed}` : ""}`;
}

/**
 * Starts a campaign's progress report: on a terminal an erasable status line
 * (bar, count, rate, time left) that any other output clears first; otherwise
 * one plain line per tenth. Records the campaign for the Ctrl-C report;
 * call `end()` when it stops.
 */
export function startProgress(term: Term, state: Omit<CampaignState, "done">): { update: (done: number, total: number) => void; end: () => void } {
  const started = term.clock();
  current = { ...state, done: 0 };
  let lastTenth = -1;
  return {
    update: (done, total) => {
      if (current) {
        current.done = done;
        current.total = total;
      }
      const elapsed = term.clock() - started;
      if (done > total) {
        // Past the campaign's runs: fast-check is shrinking a failure.
        if (done === total + 1 && !term.tty) term.err(`${state.what}: shrinking a failure…\n`);
        term.status(`  shrinking a failure… (${done - total} tries)`);
        return;
      }
      if (term.tty) {
        term.status(progressText(done, total, elapsed, true));
        if (done >= total) term.clearStatus();
        return;
      }
      const tenth = Math.floor((done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        // Plain lines carry no rate or time left: the same campaign prints the same lines.
        term.err(`${state.what}: ${progressText(done, total, 0, false)}\n`);
      }
    },
    end: () => {
      term.clearStatus();
      current = undefined;
    },
  };
}

/** What Ctrl-C prints: how far the campaign got and how to run it again. */
export function interruptReport(state: CampaignState | undefined): string {
  if (!state) return "interrupted\n";
  return `interrupted: ${state.what} got through ${state.done} of ${state.total} scenarios without a failure (seed ${state.seed})\n`;
}
