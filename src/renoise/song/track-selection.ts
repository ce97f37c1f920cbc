import type { ModelObject, PropDef } from "../document/model.js";
import type { AudioDevice } from "./device.js";
import type { Track } from "./track.js";

/** What the device selection needs of the song. */
interface SelectionSong extends ModelObject {
  readonly selected_track: Track;
}

/** The selected device index, 0 for none; clamped to the selected track's chain. */
function deviceIndex(s: SelectionSong): number {
  const i = (s._v.selected_track_device_index as number | undefined) ?? 0;
  return Math.min(i, s.selected_track.devices.length);
}

function setDeviceIndex(s: SelectionSong, i: number): void {
  const old = deviceIndex(s);
  if (old === i) return;
  s._v.selected_track_device_index = i;
  s._context()?.changed("selected_track_device_index", old, i);
  for (const name of ["selected_track_device", "selected_device", "selected_track_device_index", "selected_device_index"]) {
    s._notify(name);
  }
}

const index: PropDef<SelectionSong> = {
  type: "integer",
  observable: true,
  range: (s) => [0, s.selected_track.devices.length],
  get: deviceIndex,
  set: setDeviceIndex,
};

const device: PropDef<SelectionSong> = {
  type: "object",
  readonly: true,
  nullable: true,
  observable: true,
  get: (s): AudioDevice | undefined => s.selected_track.devices[deviceIndex(s) - 1],
};

/**
 * `selected_track_device_index` (0 = none, else 1..#devices of the selected
 * track; Renoise lets tools set it), `selected_track_device` (read-only) and
 * their deprecated aliases `selected_device_index` / `selected_device`.
 */
export const TRACK_SELECTION_PROPS: Record<string, PropDef<SelectionSong>> = {
  selected_track_device_index: index,
  selected_track_device: device,
  selected_device_index: index,
  selected_device: device,
};
