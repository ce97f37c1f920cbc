import { defineModel, ModelObject } from "../document/model.js";
import { ObservableList } from "../document/observable-list.js";
import type { Observable } from "../document/observable.js";
import { AudioDevice } from "./device.js";
import { MASTER_MIXER, NATIVE_DEVICES, TRACK_MIXER, deviceSpec, type DeviceSpec } from "./device-catalogue.js";
import type { DeviceParameter } from "./parameter.js";
import {
  COLUMN_PROPS,
  columnIsMuted,
  columnName,
  initialColumns,
  setColumn,
  swapEffectColumns,
  swapNoteColumns,
} from "./track-columns.js";
import { check, checkIndex, describe } from "./track-errors.js";
import type { LayoutNode, TrackKind } from "./track-layout.js";

/** renoise.Track.TRACK_TYPE_*. */
export const TRACK_TYPE = { SEQUENCER: 1, MASTER: 2, SEND: 3, GROUP: 4 } as const;
/** renoise.Track.MUTE_STATE_*. */
export const MUTE_STATE = { ACTIVE: 1, OFF: 2, MUTED: 3 } as const;

const KINDS: Record<number, TrackKind> = { 1: "sequencer", 2: "master", 3: "send", 4: "group" };

/** An `available_device_infos` entry. */
export interface AudioDeviceInfo {
  path: string;
  name: string;
  short_name: string;
  favorite_name: string;
  is_favorite: boolean;
  is_bridged: boolean;
}

/**
 * renoise.Track: one track of the song (sequencer, master or send; group
 * tracks are {@link GroupTrack}) with its device chain. Every setter checks
 * its input first; misuse raises a ModelError and changes nothing.
 */
export class Track extends ModelObject implements LayoutNode {
  declare readonly type: number;
  declare name: string;
  declare color: number[];
  declare color_blend: number;
  declare mute_state: number;
  declare solo_state: boolean;
  declare collapsed: boolean;
  declare output_delay: number;
  declare output_routing: string;
  declare readonly available_output_routings: string[];
  declare readonly group_parent: GroupTrack | undefined;
  declare readonly prefx_volume: DeviceParameter;
  declare readonly prefx_panning: DeviceParameter;
  declare readonly prefx_width: DeviceParameter;
  declare readonly postfx_volume: DeviceParameter;
  declare readonly postfx_panning: DeviceParameter;
  declare readonly min_note_columns: number;
  declare readonly max_note_columns: number;
  declare readonly min_effect_columns: number;
  declare readonly max_effect_columns: number;
  declare visible_note_columns: number;
  declare visible_effect_columns: number;
  declare volume_column_visible: boolean;
  declare panning_column_visible: boolean;
  declare delay_column_visible: boolean;
  declare sample_effects_column_visible: boolean;
  declare readonly available_devices: string[];
  declare readonly available_device_infos: AudioDeviceInfo[];
  declare readonly devices: readonly AudioDevice[];
  declare readonly devices_observable: ObservableList<AudioDevice>;
  declare readonly name_observable: Observable;
  declare readonly color_observable: Observable;
  declare readonly color_blend_observable: Observable;
  declare readonly mute_state_observable: Observable;
  declare readonly solo_state_observable: Observable;
  declare readonly collapsed_observable: Observable;
  declare readonly output_delay_observable: Observable;
  declare readonly output_routing_observable: Observable;
  declare readonly visible_note_columns_observable: Observable;
  declare readonly visible_effect_columns_observable: Observable;

  /** Which kind of track (the layout rules' view of `type`). */
  readonly kind: TrackKind;
  /** @internal the immediate group (read it as `group_parent`). */
  layoutParent: LayoutNode | undefined;
  /** @internal the device chain; index 1 is the mixer device. */
  readonly _devices = new ObservableList<AudioDevice>();
  /** @internal pattern data follows a column swap (set by the patterns module). */
  _onColumnSwap: ((kind: "note" | "effect", a: number, b: number) => void) | undefined;

  constructor(type: number, name: string, color: readonly number[] = [0, 0, 0]) {
    super();
    const kind = KINDS[type];
    check(kind !== undefined, `Track: unknown track type ${describe(type)} (1 - 4)`);
    this.kind = kind;
    Object.assign(this._v, {
      type,
      name,
      color: [...color],
      color_blend: 0,
      mute_state: MUTE_STATE.ACTIVE,
      solo_state: false,
      collapsed: false,
      output_delay: 0,
      output_routing: undefined,
      ...initialColumns(type),
    });
    const mixer = new AudioDevice(kind === "master" ? MASTER_MIXER : TRACK_MIXER, true);
    mixer._owner = this;
    this._devices.items.push(mixer);
  }

  /** @internal "tracks[i]" (its place in the song's list). */
  override _path(): string {
    const i = this._song()?.tracks.indexOf(this) ?? -1;
    return i >= 0 ? `tracks[${i + 1}]` : "track";
  }

  /** @internal the song's track list, when the track is in a song. */
  _song(): { readonly tracks: readonly Track[] } | undefined {
    const owner = this._owner as { tracks?: readonly Track[] } | undefined;
    return owner?.tracks ? { tracks: owner.tracks } : undefined;
  }

  /** `mute()`: mutes with the state Renoise's preferences choose (MUTE_STATE_OFF). Not for the master. */
  mute(): void {
    check(this.kind !== "master", "mute: the master track cannot be muted");
    this._called("mute", []);
    this.mute_state = MUTE_STATE.OFF;
  }

  /** `unmute()`: back to MUTE_STATE_ACTIVE (nothing to do on the master). */
  unmute(): void {
    this._called("unmute", []);
    if (this.kind !== "master") this.mute_state = MUTE_STATE.ACTIVE;
  }

  /** `solo()`: toggles `solo_state`, as Renoise's solo button does. Not for the master. */
  solo(): void {
    check(this.kind !== "master", "solo: the master track cannot be soloed");
    this._called("solo", []);
    this.solo_state = !(this._v.solo_state as boolean);
  }

  /** `device(index)`. */
  device(index: number): AudioDevice {
    checkIndex(index, 1, this._devices.items.length, "device");
    return this._devices.items[index - 1] as AudioDevice;
  }

  /** `insert_device_at(path, index)`: index 2 to #devices + 1 (the mixer device stays first). */
  insert_device_at(device_path: string, device_index: number): AudioDevice {
    const spec = typeof device_path === "string" ? deviceSpec(device_path) : undefined;
    check(
      spec !== undefined && this._availableSpecs().includes(spec),
      `insert_device_at: ${describe(device_path)} is not one of this track's available_devices`,
    );
    checkIndex(device_index, 2, this._devices.items.length + 1, "insert_device_at (index 1 is the mixer device)");
    this._called("insert_device_at", [device_path, device_index]);
    const device = new AudioDevice(spec);
    device._owner = this;
    this._devices.insertAt(device_index, device);
    return device;
  }

  /** `delete_device_at(index)`: index 2 to #devices. */
  delete_device_at(device_index: number): void {
    checkIndex(device_index, 2, this._devices.items.length, "delete_device_at (the mixer device at index 1 cannot be deleted)");
    this._called("delete_device_at", [device_index]);
    this._devices.removeAt(device_index)._owner = undefined;
  }

  /** `swap_devices_at(a, b)`: indices 2 to #devices. */
  swap_devices_at(device_index1: number, device_index2: number): void {
    const what = "swap_devices_at (the mixer device at index 1 cannot be moved)";
    checkIndex(device_index1, 2, this._devices.items.length, what);
    checkIndex(device_index2, 2, this._devices.items.length, what);
    if (device_index1 === device_index2) return;
    this._called("swap_devices_at", [device_index1, device_index2]);
    this._devices.swap(device_index1, device_index2);
  }

  column_is_muted(column_index: number): boolean {
    return columnIsMuted(this, column_index);
  }
  column_is_muted_observable(column_index: number): Observable {
    columnIsMuted(this, column_index);
    return this._observable(`column_is_muted_${column_index}`);
  }
  set_column_is_muted(column_index: number, muted: boolean): void {
    setColumn(this, "column_mutes", column_index, muted);
  }
  column_name(column_index: number): string {
    return columnName(this, column_index);
  }
  column_name_observable(column_index: number): Observable {
    columnName(this, column_index);
    return this._observable(`column_name_${column_index}`);
  }
  set_column_name(column_index: number, name: string): void {
    setColumn(this, "column_names", column_index, name);
  }
  swap_note_columns_at(column_index1: number, column_index2: number): void {
    swapNoteColumns(this, column_index1, column_index2);
  }
  swap_effect_columns_at(column_index1: number, column_index2: number): void {
    swapEffectColumns(this, column_index1, column_index2);
  }

  /** @internal the catalogue entries this track can hold (no send devices on the master). */
  _availableSpecs(): readonly DeviceSpec[] {
    return this.kind === "master" ? NATIVE_DEVICES.filter((d) => d.on_master) : NATIVE_DEVICES;
  }

  /** @internal a parameter of the mixer device by name. */
  _mixer(name: string): DeviceParameter {
    return (this._devices.items[0] as AudioDevice).parameters.find((p) => p.name === name) as DeviceParameter;
  }
}

/** The routing targets: the enclosing group as "Group NN" (its track number) and "Master"; the master's sound card output. */
function routings(t: Track): string[] {
  if (t.kind === "master") return ["Output 1+2"];
  const parent = t.layoutParent as Track | undefined;
  const i = parent ? (t._song()?.tracks.indexOf(parent) ?? -1) : -1;
  return i >= 0 ? [`Group ${String(i + 1).padStart(2, "0")}`, "Master"] : ["Master"];
}

const notMaster = (what: string) => (t: Track, v: unknown) =>
  t.kind === "master" && v !== MUTE_STATE.ACTIVE && v !== false ? `${what}: the master track cannot be muted or soloed` : undefined;

defineModel(Track, {
  typeName: "Track",
  props: {
    type: { type: "integer", readonly: true },
    name: { type: "string", observable: true },
    color: {
      type: "table",
      observable: true,
      get: (t) => [...(t._v.color as number[])],
      check: (_t, v: unknown[]) =>
        v.length === 3 && v.every((c) => typeof c === "number" && Number.isInteger(c) && c >= 0 && c <= 255)
          ? undefined
          : `invalid value for property 'color' of an object of type 'Track': a table of 3 whole numbers in (0 - 255) is expected, like {255, 12, 88}`,
      set: (t, v: number[]) => {
        const old = t._v.color as number[];
        if (old.every((c, i) => c === v[i])) return;
        t.store("color", [...v]);
      },
    },
    color_blend: { type: "integer", min: 0, max: 100, observable: true },
    mute_state: { type: "integer", min: 1, max: 3, observable: true, check: notMaster("mute_state") },
    solo_state: { type: "boolean", observable: true, check: notMaster("solo_state") },
    collapsed: { type: "boolean", observable: true },
    group_parent: { type: "object", readonly: true, nullable: true, get: (t) => t.layoutParent },
    available_output_routings: { type: "table", readonly: true, get: routings },
    output_routing: {
      type: "string",
      observable: true,
      get: (t) => {
        const available = routings(t);
        const chosen = t._v.output_routing as string | undefined;
        return chosen !== undefined && available.includes(chosen) ? chosen : available[0];
      },
      check: (t, v: string) => {
        const available = routings(t);
        return available.includes(v)
          ? undefined
          : `invalid value for property 'output_routing' of an object of type 'Track': "${v}" is not one of the available_output_routings (${available.map((r) => `"${r}"`).join(", ")})`;
      },
    },
    output_delay: {
      type: "number",
      min: -100,
      max: 100,
      observable: true,
      check: (t) => (t.kind === "sequencer" ? undefined : `output_delay: only sequencer tracks have an output delay; this is a ${t.kind} track`),
    },
    prefx_volume: { type: "object", readonly: true, luaKeep: "constant", get: (t) => t._mixer("Volume") },
    prefx_panning: { type: "object", readonly: true, luaKeep: "constant", get: (t) => t._mixer("Panning") },
    prefx_width: { type: "object", readonly: true, luaKeep: "constant", get: (t) => t._mixer("Width") },
    postfx_volume: { type: "object", readonly: true, luaKeep: "constant", get: (t) => t._mixer("Post Volume") },
    postfx_panning: { type: "object", readonly: true, luaKeep: "constant", get: (t) => t._mixer("Post Panning") },
    ...(COLUMN_PROPS as Record<string, never>),
    available_devices: { type: "table", readonly: true, get: (t) => t._availableSpecs().map((d) => d.path) },
    available_device_infos: {
      type: "table",
      readonly: true,
      get: (t) =>
        t._availableSpecs().map(
          (d): AudioDeviceInfo => ({
            path: d.path,
            name: d.name,
            short_name: d.short_name,
            favorite_name: d.name,
            is_favorite: false,
            is_bridged: false,
          }),
        ),
    },
    devices: { type: "table", readonly: true, luaKeep: "layout", luaItem: "device", get: (t) => t._devices.items },
    devices_observable: { type: "object", readonly: true, luaKeep: "constant", get: (t) => t._devices },
  },
  methods: [
    "mute",
    "unmute",
    "solo",
    "device",
    "insert_device_at",
    "delete_device_at",
    "swap_devices_at",
    "column_is_muted",
    "column_is_muted_observable",
    "set_column_is_muted",
    "column_name",
    "column_name_observable",
    "set_column_name",
    "swap_note_columns_at",
    "swap_effect_columns_at",
  ],
  tostring: (t: Track) => `Track: ${t._v.name as string}`,
});

/** renoise.GroupTrack: a group track; its members stand immediately left of it. */
export class GroupTrack extends Track {
  declare readonly members: Track[];
  declare group_collapsed: boolean;
  declare readonly group_collapsed_observable: Observable;

  constructor(name: string, color?: readonly number[]) {
    super(TRACK_TYPE.GROUP, name, color);
    this._v.group_collapsed = false;
  }
}

function isInside(t: LayoutNode, g: LayoutNode): boolean {
  for (let p = t.layoutParent; p !== undefined; p = p.layoutParent) if (p === g) return true;
  return false;
}

defineModel(GroupTrack, {
  typeName: "GroupTrack",
  props: {
    members: { type: "table", readonly: true, get: (g) => (g._song()?.tracks ?? []).filter((t) => isInside(t, g)) },
    group_collapsed: { type: "boolean", observable: true },
  },
});

/** A track of a `TRACK_TYPE_*`: a {@link GroupTrack} for groups. */
export function createTrack(type: number, name: string, color?: readonly number[]): Track {
  return type === TRACK_TYPE.GROUP ? new GroupTrack(name, color) : new Track(type, name, color);
}
