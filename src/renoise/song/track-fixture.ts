import { ModelError } from "../document/model.js";
import { deviceSpec, NATIVE_DEVICES } from "./device-catalogue.js";
import type { Track } from "./track.js";

/** A device in a track fixture: a device path or name ("Gainer"), or details. */
export type DeviceFixture =
  | string
  | {
      /** Path (`Audio/Effects/Native/Gainer`) or name (`Gainer`). */
      device: string;
      display_name?: string;
      active?: boolean;
      maximized?: boolean;
      /** Parameter values by name: a number (`value`) or text (`value_string`, e.g. "-6 dB"). */
      parameters?: Record<string, number | string>;
    };

/** What a track fixture may say besides `name` and `type` (see fixture.ts). */
export interface TrackDetailsFixture {
  /** Devices after the mixer device, left to right. */
  devices?: DeviceFixture[];
  /** `mute_state`: "active", "off" or "muted". */
  mute?: "active" | "off" | "muted";
  solo?: boolean;
  color?: [number, number, number];
  output_delay?: number;
  /** Pre-FX volume, panning and width: a number (`value`) or text (`value_string`). */
  volume?: number | string;
  panning?: number | string;
  width?: number | string;
}

/** Field names a track fixture may use (with `name` and `type`). */
export const TRACK_FIXTURE_KEYS = ["name", "type", "devices", "mute", "solo", "color", "output_delay", "volume", "panning", "width"];

const MUTES = { active: 1, off: 2, muted: 3 } as const;

function setValue(p: { value: number; value_string: string }, v: unknown, what: string): void {
  if (typeof v === "number") p.value = v;
  else if (typeof v === "string") p.value_string = v;
  else throw new ModelError(`${what}: a number or a text like "-6 dB" is expected`);
}

/**
 * Applies a track fixture's details (devices, mute, solo, colour, output
 * delay, pre-FX volume/panning/width) to a new track; raises a ModelError
 * naming the bad field. Used by the song fixture (fixture.ts).
 */
export function applyTrackFixture(track: Track, f: Record<string, unknown>): void {
  const where = `song fixture: track "${track.name}"`;
  for (const k of Object.keys(f)) {
    if (!TRACK_FIXTURE_KEYS.includes(k)) {
      throw new ModelError(`${where}: unknown field "${k}" (known: ${TRACK_FIXTURE_KEYS.join(", ")})`);
    }
  }
  const d = f as TrackDetailsFixture;
  try {
    if (d.mute !== undefined) {
      const m = MUTES[d.mute];
      if (m === undefined) throw new ModelError(`mute: "active", "off" or "muted" is expected`);
      track.mute_state = m;
    }
    if (d.solo !== undefined) track.solo_state = d.solo;
    if (d.color !== undefined) track.color = d.color;
    if (d.output_delay !== undefined) track.output_delay = d.output_delay;
    if (d.volume !== undefined) setValue(track.prefx_volume, d.volume, "volume");
    if (d.panning !== undefined) setValue(track.prefx_panning, d.panning, "panning");
    if (d.width !== undefined) setValue(track.prefx_width, d.width, "width");
    for (const dev of d.devices ?? []) addDevice(track, dev);
  } catch (e) {
    throw new ModelError(`${where}: ${(e as Error).message}`);
  }
}

function addDevice(track: Track, dev: DeviceFixture): void {
  const o = typeof dev === "string" ? { device: dev } : dev;
  const spec = deviceSpec(o.device) ?? NATIVE_DEVICES.find((s) => s.name === o.device);
  if (!spec) throw new ModelError(`devices: unknown device "${o.device}" (a path like "Audio/Effects/Native/Gainer" or a name like "Gainer")`);
  const device = track.insert_device_at(spec.path, track.devices.length + 1);
  if (o.display_name !== undefined) device.display_name = o.display_name;
  if (o.active !== undefined) device.is_active = o.active;
  if (o.maximized !== undefined) device.is_maximized = o.maximized;
  for (const [name, v] of Object.entries(o.parameters ?? {})) {
    const p = device.parameters.find((x) => x.name === name);
    if (!p) throw new ModelError(`devices: "${spec.name}" has no parameter "${name}" (it has ${device.parameters.map((x) => `"${x.name}"`).join(", ")})`);
    setValue(p, v, `parameter "${name}"`);
  }
}
