import type { ByteString } from "../../core/bytes.js";
import type { Trace } from "../../core/trace.js";
import { OscBundle } from "../osc/bundle.js";
import { from_binary_data } from "../osc/from-binary-data.js";
import type { OscMessage } from "../osc/message.js";
import type { OscElement } from "../osc/types.js";
import type { SocketApi } from "../socket/socket-api.js";
import type { SocketClient, SocketServer } from "../socket/types.js";
import { describeArguments } from "./describe.js";
import { REALTIME_ADDRESSES, realtimeTrigger } from "./realtime.js";
import type {
  OscActionsRunner,
  OscRealtimeSong,
  OscServerLogEntry,
  OscServerOptions,
  OscServerOutcome,
  TriggeredEvent,
} from "./types.js";

/** What the server needs from its driver (the simulation). */
export interface OscServerContext {
  /** renoise.Socket of the host Renoise runs on. */
  readonly socket: SocketApi;
  readonly trace: Trace;
  /** Name of that host (trace events are recorded there). */
  readonly host: string;
  now(): number;
  /** The song, as the realtime triggers need it. */
  song(): OscRealtimeSong;
  /** Called for every realtime trigger accepted (e.g. to record it on the song). */
  onTrigger?(event: TriggeredEvent): void;
}

/** The address prefix every message to Renoise's server carries. */
const PREFIX = "/renoise";

/**
 * Renoise's built-in OSC server, simulated: a `renoise.Socket` server on
 * the Renoise host that decodes each packet (messages, and bundles whose
 * elements run at once, in order), handles the realtime triggers itself and
 * hands every other `/renoise/...` message to the global OSC actions. Every
 * message lands in {@link log} and in the trace as `osc_server.accept`,
 * `osc_server.reject` or `osc_server.error`; nothing a client sends can make
 * it throw.
 */
export class RenoiseOscServer {
  readonly protocol: "udp" | "tcp";
  readonly port: number;
  readonly triggerIndexBase: 0 | 1;
  /** Every message received, in order, with what happened to it. */
  readonly log: OscServerLogEntry[] = [];
  /** Notes and MIDI messages triggered by the realtime messages, in order. */
  readonly triggered: TriggeredEvent[] = [];
  private server: SocketServer | undefined;

  constructor(
    private readonly ctx: OscServerContext,
    private readonly actions: OscActionsRunner,
    options: OscServerOptions = {},
  ) {
    this.protocol = options.protocol ?? "udp";
    this.port = options.port ?? 8000;
    this.triggerIndexBase = options.triggerIndexBase ?? 1;
  }

  /** True while the server listens. */
  get running(): boolean {
    return this.server?.is_running ?? false;
  }

  /** Starts listening; returns an error message (port in use, ...) or undefined. */
  start(): string | undefined {
    if (this.server) return undefined;
    const s = this.ctx.socket;
    const [server, err] = s.create_server(this.port, this.protocol === "tcp" ? s.PROTOCOL_TCP : s.PROTOCOL_UDP);
    if (!server) {
      this.ctx.trace.record("osc_server.error", this.ctx.host, { error: err ?? "unknown" });
      return err;
    }
    server.run({ socket_message: (client, data) => this.receive(client, data) });
    this.server = server;
    this.ctx.trace.record("osc_server.start", this.ctx.host, { protocol: this.protocol, port: this.port });
    return undefined;
  }

  /** Stops listening and unloads the actions script. */
  stop(): void {
    if (this.server) {
      this.server.close();
      this.server = undefined;
      this.ctx.trace.record("osc_server.stop", this.ctx.host, { port: this.port });
    }
    this.actions.dispose();
  }

  /** The actions' `available_messages()`. */
  availableMessages(): Array<{ name: string; description: string; arguments: string[] }> {
    return this.actions.availableMessages();
  }

  /** Handles one received packet (also usable directly from tests). */
  receive(client: Pick<SocketClient, "peer_address" | "peer_port">, data: ByteString): void {
    const from = `${client.peer_address}:${client.peer_port}`;
    const [element, err] = from_binary_data(data);
    if (!element) {
      this.note(from, "", [], "rejected", `not an OSC packet: ${err}`);
      return;
    }
    this.dispatch(from, element);
  }

  private dispatch(from: string, element: OscElement): void {
    if (element instanceof OscBundle) {
      // Time tags are not waited for: the elements run now, in order (docs/builtin-osc.md).
      this.ctx.trace.record("osc_server.bundle", this.ctx.host, {
        from,
        timetag: String(element.timetag),
        elements: element.elements.length,
      });
      for (const e of element.elements) this.dispatch(from, e);
      return;
    }
    this.message(from, element);
  }

  private message(from: string, m: OscMessage): void {
    const address = m.pattern;
    if (REALTIME_ADDRESSES.has(address)) {
      const r = realtimeTrigger(address, m.arguments, this.ctx.song(), this.triggerIndexBase, this.ctx.now());
      if ("reason" in r) {
        this.note(from, address, m.arguments, "rejected", r.reason);
        return;
      }
      this.triggered.push(r.event);
      this.note(from, address, m.arguments, "accepted");
      this.ctx.onTrigger?.(r.event);
      return;
    }
    if (address !== PREFIX && !address.startsWith(PREFIX + "/")) {
      this.note(from, address, m.arguments, "rejected", "the address does not start with /renoise/");
      return;
    }
    let result;
    try {
      result = this.actions.process(address.slice(PREFIX.length), m.arguments);
    } catch (e) {
      result = { error: e instanceof Error ? e.message : String(e) };
    }
    if ("error" in result) this.note(from, address, m.arguments, "error", result.error);
    else if (result.handled) this.note(from, address, m.arguments, "accepted");
    else this.note(from, address, m.arguments, "rejected", result.reason);
  }

  private note(from: string, address: string, args: OscMessage["arguments"], outcome: OscServerOutcome, reason?: string): void {
    const entry: OscServerLogEntry = {
      time: this.ctx.now(),
      from,
      address,
      arguments: args,
      outcome,
      ...(reason !== undefined ? { reason } : {}),
    };
    this.log.push(entry);
    const fields = { from, address, args: describeArguments(args), ...(reason !== undefined ? { reason } : {}) };
    if (outcome === "accepted") this.ctx.trace.record("osc_server.accept", this.ctx.host, fields);
    else if (outcome === "rejected") this.ctx.trace.record("osc_server.reject", this.ctx.host, fields);
    else this.ctx.trace.record("osc_server.error", this.ctx.host, fields);
  }
}
