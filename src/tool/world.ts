import type { Simulation } from "../sim/simulation.js";
import { MidiSystem } from "../renoise/midi/midi.js";

/**
 * What the tools of one simulation share besides the network: the MIDI
 * devices, and the preferences files tools saved (by tool id), so a tool
 * loaded again in the same simulation finds its saved preferences.
 *
 * @internal
 */
export interface ToolWorld {
  midi: MidiSystem;
  /** preferences.xml text by tool id. */
  preferences: Map<string, string>;
  /** The tools loaded now (`renoise.app().installed_tools`). */
  tools: Set<{ name: string; id: string; bundle_path: string }>;
}

const worlds = new WeakMap<Simulation, ToolWorld>();

/** The shared tool world of a simulation (created on first use). @internal */
export function toolWorld(sim: Simulation): ToolWorld {
  let w = worlds.get(sim);
  if (!w) worlds.set(sim, (w = { midi: new MidiSystem(), preferences: new Map(), tools: new Set() }));
  return w;
}

/**
 * The simulated Renoise's MIDI devices (renoise.Midi) of `sim`, shared by
 * every tool loaded into it: set the devices, fire input, read what tools sent.
 *
 * ```ts
 * const midi = simulationMidi(sim);
 * midi.setDevices({ inputs: ["Pads"], outputs: ["Synth"] });
 * const tool = await loadLuaTool(sim, { dir: "my-tool" });
 * midi.fire("Pads", [0x90, 36, 100]);
 * expect(midi.sentTo("Synth")).toEqual([[0x90, 36, 100]]);
 * ```
 */
export function simulationMidi(sim: Simulation): MidiSystem {
  return toolWorld(sim).midi;
}

/**
 * The preferences files of the tools of `sim`, by tool id (the XML text
 * `renoise.tool().preferences` is saved as when a tool unloads, and loaded
 * from when a tool of that id assigns its preferences). Seed an entry before
 * loading a tool, or read it after unloading one.
 */
export function simulationPreferences(sim: Simulation): Map<string, string> {
  return toolWorld(sim).preferences;
}
