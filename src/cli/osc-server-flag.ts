import { UsageError } from "./args.js";

/** `--osc-server udp`, `tcp:9000`, `udp:8000`: Renoise's built-in OSC server for `run` and `fuzz`. */
export function parseOscServerFlag(v: string, cmd: string): { protocol: "udp" | "tcp"; port: number } {
  const m = /^(udp|tcp)(?::(\d{1,5}))?$/.exec(v);
  const port = m?.[2] !== undefined ? Number(m[2]) : 8000;
  if (!m || port < 1 || port > 65535) {
    throw new UsageError(`${cmd}: --osc-server must be udp or tcp, optionally with :port (1..65535), got ${v}`);
  }
  return { protocol: m[1] as "udp" | "tcp", port };
}
