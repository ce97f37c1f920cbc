import { Observable } from "../document/observable.js";
import { directViewDriver, type ViewDriver } from "../views/driver.js";

/** Misuse of renoise.Midi (unknown device, bad message, closed device): raised into Lua as an error. */
export class MidiError extends Error {
  override name = "MidiError";
}

/** A MIDI callback: receives the message bytes. */
export type MidiCallback = (message: number[]) => void;

/** One message a tool sent to an output device. */
export interface SentMidi {
  device: string;
  bytes: number[];
}

/** Devices of a simulated Renoise when a test sets none: one input and one output. */
export const DEFAULT_MIDI_DEVICES = { inputs: ["renoise-sim MIDI"], outputs: ["renoise-sim MIDI"] } as const;

const hex = (bytes: readonly number[]): string => bytes.map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");

/** Checks a message as Renoise's MidiOutputDevice:send does: 1-3 bytes, or a sysex F0 ... F7; bytes 0..255. */
export function checkMidiMessage(call: string, bytes: unknown): number[] {
  if (!Array.isArray(bytes) || bytes.length === 0) {
    throw new MidiError(`${call}: a message table of bytes is expected (e.g. {0x90, 60, 127})`);
  }
  for (const b of bytes) {
    if (typeof b !== "number" || !Number.isInteger(b) || b < 0 || b > 0xff) {
      throw new MidiError(`${call}: message bytes must be whole numbers 0..255, got ${JSON.stringify(b)}`);
    }
  }
  const list = bytes as number[];
  if (list[0] === 0xf0) {
    if (list[list.length - 1] !== 0xf7) throw new MidiError(`${call}: a sysex message must end with 0xF7`);
  } else if (list.length > 3) {
    throw new MidiError(`${call}: a MIDI message has 1 to 3 bytes (sysex messages start with 0xF0), got ${list.length}`);
  }
  return [...list];
}

abstract class MidiDevice {
  protected open = true;
  constructor(
    private readonly deviceName: string,
    protected readonly system: MidiSystem,
    protected readonly driver: ViewDriver,
  ) {}

  /** False once closed (by the tool, or because the device went away). */
  get is_open(): boolean {
    return this.open;
  }

  /** The device's name; "" once closed (as in Renoise). */
  get name(): string {
    return this.open ? this.deviceName : "";
  }

  /** The name it was opened with (also after close). */
  get deviceNameOpened(): string {
    return this.deviceName;
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.system.forget(this);
  }
}

/** renoise.Midi.MidiInputDevice: its callbacks run when the test fires input on its device. */
export class MidiInputDevice extends MidiDevice {
  constructor(
    name: string,
    system: MidiSystem,
    driver: ViewDriver,
    readonly callback: MidiCallback | undefined,
    readonly sysexCallback: MidiCallback | undefined,
  ) {
    super(name, system, driver);
  }

  /** @internal delivers one message (on the creator's GUI thread). */
  deliver(bytes: number[]): void {
    const sysex = bytes[0] === 0xf0;
    const cb = sysex ? this.sysexCallback : this.callback;
    this.driver.runGui("midi.in", () => {
      this.driver.record("midi.in", { device: this.deviceNameOpened, message: hex(bytes), handled: cb !== undefined });
      cb?.([...bytes]);
    });
  }
}

/** renoise.Midi.MidiOutputDevice: what it sends is recorded in `MidiSystem.sent` and the trace. */
export class MidiOutputDevice extends MidiDevice {
  send(message: unknown): void {
    if (!this.open) throw new MidiError("MidiOutputDevice:send: the device is closed");
    const bytes = checkMidiMessage("MidiOutputDevice:send", message);
    this.system.sent.push({ device: this.deviceNameOpened, bytes });
    this.driver.record("midi.out", { device: this.deviceNameOpened, message: hex(bytes) });
  }
}

/**
 * The MIDI devices of a simulated Renoise (renoise.Midi): the test decides
 * which inputs and outputs exist, fires input on them, and reads what tools
 * sent. Device names are matched exactly, as Renoise does.
 */
export class MidiSystem {
  private inputs: string[];
  private outputs: string[];
  /** Fired when the test changes the devices (`renoise.Midi.devices_changed_observable()`). */
  readonly devices_changed_observable = new Observable();
  /** Every message sent to an output device, in order. */
  readonly sent: SentMidi[] = [];
  private readonly openDevices = new Set<MidiDevice>();

  constructor(devices: { inputs?: readonly string[]; outputs?: readonly string[] } = {}) {
    this.inputs = [...(devices.inputs ?? DEFAULT_MIDI_DEVICES.inputs)];
    this.outputs = [...(devices.outputs ?? DEFAULT_MIDI_DEVICES.outputs)];
  }

  available_input_devices(): string[] {
    return [...this.inputs];
  }

  available_output_devices(): string[] {
    return [...this.outputs];
  }

  /**
   * Replaces the available devices (plugging and unplugging) and fires
   * `devices_changed_observable`. Open devices whose name is gone are closed.
   */
  setDevices(devices: { inputs?: readonly string[]; outputs?: readonly string[] }): void {
    if (devices.inputs) this.inputs = [...devices.inputs];
    if (devices.outputs) this.outputs = [...devices.outputs];
    for (const d of [...this.openDevices]) {
      const list = d instanceof MidiInputDevice ? this.inputs : this.outputs;
      if (!list.includes(d.deviceNameOpened)) d.close();
    }
    this.devices_changed_observable.notify();
  }

  /** Opens an input device; at least one of the callbacks is required. */
  create_input_device(name: string, callback?: MidiCallback, sysexCallback?: MidiCallback, driver: ViewDriver = directViewDriver): MidiInputDevice {
    this.checkName("create_input_device", name, this.inputs, "input");
    if (!callback && !sysexCallback) {
      throw new MidiError("create_input_device: give a MIDI callback, a sysex callback, or both");
    }
    const d = new MidiInputDevice(name, this, driver, callback, sysexCallback);
    this.openDevices.add(d);
    return d;
  }

  /** Opens an output device. */
  create_output_device(name: string, driver: ViewDriver = directViewDriver): MidiOutputDevice {
    this.checkName("create_output_device", name, this.outputs, "output");
    const d = new MidiOutputDevice(name, this, driver);
    this.openDevices.add(d);
    return d;
  }

  /**
   * The test plays `bytes` on the input device `device`: every open input
   * device of that name gets it (sysex messages go to the sysex callbacks).
   * Returns how many devices got it.
   */
  fire(device: string, bytes: readonly number[]): number {
    if (!this.inputs.includes(device)) {
      throw new MidiError(`MidiSystem.fire: there is no MIDI input device named ${JSON.stringify(device)}; inputs: ${this.inputs.map((s) => JSON.stringify(s)).join(", ") || "none"}`);
    }
    const msg = checkMidiMessage("MidiSystem.fire", bytes);
    let n = 0;
    for (const d of [...this.openDevices]) {
      if (d instanceof MidiInputDevice && d.is_open && d.deviceNameOpened === device) {
        d.deliver(msg);
        n++;
      }
    }
    return n;
  }

  /** Messages sent to one output device. */
  sentTo(device: string): number[][] {
    return this.sent.filter((s) => s.device === device).map((s) => s.bytes);
  }

  /** @internal */
  forget(d: MidiDevice): void {
    this.openDevices.delete(d);
  }

  private checkName(call: string, name: unknown, list: string[], kind: string): void {
    if (typeof name !== "string") throw new MidiError(`${call}: a device name string is expected, got ${typeof name}`);
    if (!list.includes(name)) {
      throw new MidiError(
        `${call}: there is no MIDI ${kind} device named '${name}'; available: ${list.map((s) => `'${s}'`).join(", ") || "none"}`,
      );
    }
  }
}
