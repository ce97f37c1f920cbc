import { isIpv4, LOOPBACK } from "./address.js";
import { emptyArray } from "../core/site-free.js";

/**
 * The simulation's own name service. `localhost` always resolves to
 * 127.0.0.1; other names resolve only if registered. Names are case-insensitive.
 */
export class Dns {
  private readonly names = new Map<string, string>();
  /** Every name looked up that resolved to nothing, in order (see `Simulation.unknownNames`). */
  readonly unknown: string[] = emptyArray();
  /** Called when a name resolves to nothing (strict mode raises from here). */
  onUnknown: ((name: string) => void) | undefined;

  register(name: string, address: string): void {
    this.names.set(name.toLowerCase(), address);
  }

  unregister(name: string): void {
    this.names.delete(name.toLowerCase());
  }

  /** Resolves a name or literal address; undefined if unknown. */
  resolve(name: string): string | undefined {
    if (isIpv4(name)) return name;
    const key = name.toLowerCase();
    if (key === "localhost") return LOOPBACK;
    const address = this.names.get(key);
    if (address === undefined) {
      this.unknown.push(name);
      this.onUnknown?.(name);
    }
    return address;
  }

  /** Registered names in insertion order. */
  entries(): [string, string][] {
    return [...this.names.entries()];
  }
}
