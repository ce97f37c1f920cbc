import { SimulationUsageError } from "../../core/errors.js";
import type { TraceEvent } from "../../core/trace.js";
import type { CallRecord } from "../run/calls.js";

/** What a fuzz campaign reached: a campaign that reaches nothing tests nothing. */
export interface FuzzCoverage {
  /** Scenarios run (up to and including the first failure; shrinking runs are not counted). */
  readonly scenarios: number;
  /** Scenarios in which at least one notifier callback of the tool host ran. */
  readonly reached: number;
  /** Notifier callbacks that ran on the tool host, by kind. */
  readonly callbacks: { readonly socket_accepted: number; readonly socket_message: number; readonly socket_error: number };
  /** Bytes delivered to `socket_message` callbacks of the tool host. */
  readonly bytes: number;
  /**
   * Faults that actually fired, by kind: "split" / "merge" (TCP stream cuts),
   * "reset", "close-by-peer", "half-open", "crash", "server-error" (fault
   * events), "drop", "duplicate", "hold", "delay" (packets a fault or
   * condition touched).
   */
  readonly faults: Readonly<Record<string, number>>;
}

/** Where the peers of a campaign run and send to. */
export type PeersOn = "peer-hosts" | "tool-host";

/** Below this share of scenarios reaching a callback, a campaign warns. */
export const LOW_COVERAGE = 0.5;

const PACKET_FAULTS: Record<string, string> = {
  "tcp.split": "split",
  "tcp.merge": "merge",
  "packet.duplicate": "duplicate",
  "packet.hold": "hold",
  "packet.delay": "delay",
};

/** The trace event kinds {@link CoverageTally.add} reads: it may be given only these. */
export const COVERAGE_KINDS: readonly string[] = Object.freeze(["callback", "server.create", "fault", "drop", ...Object.keys(PACKET_FAULTS)]);

/** {@link PACKET_FAULTS} as a Map: `kind in PACKET_FAULTS` for every other kind walked the prototype chain. */
const PACKET_FAULT_OF: ReadonlyMap<string, string> = new Map(Object.entries(PACKET_FAULTS));

/** Drop reasons that are the world working as it should, not an injected fault. */
const NOT_FAULTS = new Set(["no listener", "connection closed by receiver", "connection reset"]);

/** Adds up the coverage of the runs of a campaign, and remembers what explains a campaign that reached nothing. */
export class CoverageTally {
  private scenarios = 0;
  private reached = 0;
  private readonly callbacks = { socket_accepted: 0, socket_message: 0, socket_error: 0 };
  private bytes = 0;
  private readonly faults: Record<string, number> = {};
  /** Servers the tool host listened on (trace labels such as "udp 127.0.0.1:8000"). */
  readonly listening = new Set<string>();
  /** What the peers' connects and the network said, with counts. */
  readonly outcomes = new Map<string, number>();
  private frozen = false;

  /** Counts one run; `toolHost` is the name of the tool's host. */
  add(run: { readonly events: readonly TraceEvent[]; readonly calls: readonly CallRecord[] }, toolHost: string): void {
    if (this.frozen) return;
    this.scenarios++;
    let reached = false;
    for (const e of run.events) {
      if (e.kind === "callback" && e.host === toolHost) {
        const cb = String(e.callback);
        if (cb === "socket_accepted" || cb === "socket_message" || cb === "socket_error") this.callbacks[cb]++;
        reached = true;
        if (cb === "socket_message" && typeof e.bytes === "number") this.bytes += e.bytes;
      } else if (e.kind === "server.create" && e.host === toolHost) {
        this.listening.add(String(e.server));
      } else if (e.kind === "fault" && e.action === "fire") {
        this.bump(this.faults, String(e.fault));
      } else if (e.kind === "drop") {
        // Drops that follow from how the world is (nobody listens, a closed end) are not faults.
        if (!NOT_FAULTS.has(String(e.reason))) this.bump(this.faults, "drop");
        this.note(`packets dropped: ${String(e.reason)}`);
      } else {
        const fault = PACKET_FAULT_OF.get(e.kind);
        if (fault !== undefined) this.bump(this.faults, fault);
      }
    }
    for (const c of run.calls) {
      if (c.call === "create_client" && c.outcome !== "ok") this.note(`connect failed: ${c.error ?? c.outcome}`);
    }
    if (reached) this.reached++;
  }

  /** Stops counting (fast-check's shrinking runs come after the first failure). */
  freeze(): void {
    this.frozen = true;
  }

  private bump(to: Record<string, number>, key: string): void {
    to[key] = (to[key] ?? 0) + 1;
  }

  private note(what: string): void {
    this.outcomes.set(what, (this.outcomes.get(what) ?? 0) + 1);
  }

  result(): FuzzCoverage {
    return {
      scenarios: this.scenarios,
      reached: this.reached,
      callbacks: { ...this.callbacks },
      bytes: this.bytes,
      faults: { ...this.faults },
    };
  }
}

/** One line: "12/20 scenarios reached a callback; callbacks: ...; N bytes delivered; faults fired: ...". */
export function describeCoverage(c: FuzzCoverage): string {
  const cbs = Object.entries(c.callbacks)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  const faults = Object.entries(c.faults)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  return (
    `${c.reached}/${c.scenarios} scenarios reached a callback; callbacks: ${cbs || "none"}; ` +
    `${c.bytes} bytes delivered; faults fired: ${faults || "none"}`
  );
}

/** The warning for a campaign in which few scenarios reached a callback, or undefined. */
export function lowCoverageWarning(call: string, c: FuzzCoverage): string | undefined {
  if (c.scenarios === 0 || c.reached >= c.scenarios * LOW_COVERAGE) return undefined;
  return (
    `${call}: warning: low coverage, only ${c.reached} of ${c.scenarios} scenarios reached a notifier callback ` +
    `(${c.bytes} bytes delivered); check the port, the protocol and where the peers run (peersOn)`
  );
}

/**
 * Raised when a whole campaign delivered not one byte to the tool's notifier:
 * it tested nothing, so it must not pass. The message says where the tool
 * listens, where the peers sent and how to fix it. (The CLI exits 2.)
 */
export class FuzzNothingDeliveredError extends SimulationUsageError {
  override name = "FuzzNothingDeliveredError";
  constructor(
    message: string,
    readonly coverage: FuzzCoverage,
  ) {
    super(message);
  }
}

/** What the message of {@link FuzzNothingDeliveredError} is made from. */
export interface DeliveryContext {
  readonly call: string;
  readonly protocol: string;
  readonly port: number;
  readonly toolHost: { readonly name: string; readonly address: string };
  readonly peersOn: PeersOn;
}

/** Throws {@link FuzzNothingDeliveredError} when the campaign delivered no byte to a notifier callback. */
export function requireDelivery(tally: CoverageTally, d: DeliveryContext): void {
  const c = tally.result();
  if (c.bytes > 0) return;
  const listening = [...tally.listening].filter((l) => l.endsWith(`:${d.port}`));
  const where = listening.length > 0 ? listening.join(", ") : [...tally.listening].join(", ") || "nothing (the tool created no server)";
  const sentTo =
    d.peersOn === "tool-host"
      ? `peers ran on the tool's host ${d.toolHost.name} and sent to 127.0.0.1:${d.port} (${d.protocol}) over loopback`
      : `peers ran on their own hosts (peer1, peer2, ...) and sent to ${d.toolHost.address}:${d.port} (${d.protocol}), the address of ${d.toolHost.name}`;
  const outcomes = [...tally.outcomes].map(([k, n]) => `${k} (${n}x)`).join("; ");
  const loopbackOnly = listening.some((l) => / 127\.\d+\.\d+\.\d+:/.test(l));
  const fixes = [
    loopbackOnly && d.peersOn !== "tool-host"
      ? `the tool listens on loopback only: run the peers on its host with --peers-on tool-host (CLI), peersOn: "tool-host" (API) or "host": "${d.toolHost.name}" with "connect": "127.0.0.1:${d.port}" (scenario files)`
      : undefined,
    listening.length === 0 ? `the tool serves no ${d.protocol} port ${d.port}: check the port and the protocol` : undefined,
    `make sure the tool's server answers ${d.protocol} on port ${d.port} from where the peers are`,
  ].filter((x): x is string => x !== undefined);
  throw new FuzzNothingDeliveredError(
    [
      `${d.call}: the campaign delivered nothing: in ${c.scenarios} scenarios no byte reached a notifier callback of the tool, so it tested nothing.`,
      `  The tool listens on: ${where}.`,
      `  The ${sentTo}.`,
      ...(outcomes ? [`  What happened: ${outcomes}.`] : []),
      `  How to fix it:`,
      ...fixes.map((f) => `    - ${f}`),
      `  Coverage: ${describeCoverage(c)}.`,
    ].join("\n"),
    c,
  );
}

/** The options of a campaign that {@link campaignCoverage} reads. */
export interface CampaignDeliveryOptions {
  readonly protocols?: readonly string[];
  readonly port?: number;
  readonly peersOn?: PeersOn;
  readonly requireDelivery?: boolean;
}

/**
 * The coverage of a finished campaign and its warnings; a campaign that
 * passed must also have delivered something (see {@link requireDelivery}),
 * unless `requireDelivery: false`.
 */
export function campaignCoverage(
  call: string,
  tally: CoverageTally,
  passed: boolean,
  options: CampaignDeliveryOptions,
  toolHost: DeliveryContext["toolHost"],
): { coverage: FuzzCoverage; warnings: string[] } {
  const coverage = tally.result();
  const warning = lowCoverageWarning(call, coverage);
  if (passed && options.requireDelivery !== false) {
    requireDelivery(tally, {
      call,
      protocol: (options.protocols ?? ["tcp"]).join("/"),
      port: options.port ?? 8000,
      toolHost,
      peersOn: options.peersOn ?? "peer-hosts",
    });
  }
  return { coverage, warnings: warning ? [warning] : [] };
}
