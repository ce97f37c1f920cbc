import { toText } from "../core/bytes.js";
import { LuaRef, type LuaInput, type LuaValue, type LuaVm } from "../lua/index.js";
import type { MidiInputDevice, MidiOutputDevice} from "../renoise/midi/midi.js";
import { MidiError, type MidiSystem } from "../renoise/midi/midi.js";
import type { MidiMappingMessage } from "../renoise/midi/mapping.js";
import type { ViewDriver } from "../renoise/views/driver.js";
import { luaTypeOf, releaseAll, type LuaTables } from "./tables.js";
import type { ViewsBinding } from "./views-binding.js";

/** renoise.Midi for one tool VM. @internal */
export interface MidiBinding {
  readonly table: Record<string, LuaInput>;
  /** A mapping message as Lua userdata. */
  message(m: MidiMappingMessage): MidiMappingMessage;
  /** Closes the devices the tool opened (it unloads). */
  closeAll(): void;
}

/**
 * Binds the simulation's MIDI devices into a tool VM: `renoise.Midi` with
 * the device lists, `devices_changed_observable()`, and input/output devices
 * as userdata (`MidiInputDevice`, `MidiOutputDevice`). Callbacks run on the
 * tool's GUI thread and get the message as a table of bytes.
 *
 * @internal
 */
export function bindMidi(vm: LuaVm, tables: LuaTables, views: ViewsBinding, midi: MidiSystem, driver: ViewDriver): MidiBinding {
  const opened: (MidiInputDevice | MidiOutputDevice)[] = [];
  const device = { is_open: { get: (d: MidiInputDevice) => d.is_open }, name: { get: (d: MidiInputDevice) => d.name } };
  const inputClass = vm.defineClass<MidiInputDevice>({
    typeName: "MidiInputDevice",
    properties: device,
    methods: { close: (d) => d.close() },
  });
  const outputClass = vm.defineClass<MidiOutputDevice>({
    typeName: "MidiOutputDevice",
    properties: device as never,
    methods: {
      close: (d) => d.close(),
      send: (d, msg) => {
        if (!(msg instanceof LuaRef) || msg.type !== "table") {
          throw new MidiError(`MidiOutputDevice:send: a message table of bytes is expected, got ${luaTypeOf(msg)}`);
        }
        const bytes = tables.seq(msg);
        releaseAll(bytes);
        d.send(bytes);
      },
    },
  });
  const messageClass = vm.defineClass<MidiMappingMessage>({
    typeName: "MidiMessage",
    properties: {
      int_value: { get: (m) => m.int_value },
      boolean_value: { get: (m) => m.boolean_value },
    },
    methods: {
      is_trigger: (m) => m.is_trigger(),
      is_switch: (m) => m.is_switch(),
      is_abs_value: (m) => m.is_abs_value(),
      is_rel_value: (m) => m.is_rel_value(),
    },
  });

  const name = (call: string, v: LuaValue): string => {
    if (typeof v !== "string") throw new MidiError(`${call}: a device name string is expected, got ${luaTypeOf(v)}`);
    return toText(v);
  };
  const callback = (call: string, v: LuaValue) => {
    const fn = views.callable(call, v);
    return fn ? (bytes: number[]) => releaseAll(fn(bytes)) : undefined;
  };

  return {
    table: {
      available_input_devices: () => midi.available_input_devices().map((s) => views.toLua(s)),
      available_output_devices: () => midi.available_output_devices().map((s) => views.toLua(s)),
      devices_changed_observable: () => midi.devices_changed_observable,
      create_input_device: (n, cb, sysex) => {
        const d = midi.create_input_device(
          name("create_input_device", n),
          callback("create_input_device", cb),
          callback("create_input_device", sysex),
          driver,
        );
        opened.push(d);
        return vm.wrap(d, inputClass);
      },
      create_output_device: (n) => {
        const d = midi.create_output_device(name("create_output_device", n), driver);
        opened.push(d);
        return vm.wrap(d, outputClass);
      },
    },
    message: (m) => vm.wrap(m, messageClass),
    closeAll() {
      for (const d of opened) d.close();
      opened.length = 0;
    },
  };
}
