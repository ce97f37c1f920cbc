import { ModelError } from "../document/model.js";

/** What preset XML needs of a device. */
export interface PresetSource {
  readonly spec: { readonly xml_type: string; readonly name: string };
  readonly parameters: readonly { readonly name: string; readonly value: number; readonly value_min: number; readonly value_max: number }[];
  readonly is_active: boolean;
  readonly is_maximized: boolean;
}

/** The XML element of a parameter: its name without spaces and punctuation ("L Feedb." → "LFeedb"). */
export function presetTag(name: string): string {
  const t = name.replace(/[^A-Za-z0-9]/g, "");
  return /^[A-Za-z]/.test(t) ? t : `P${t}`;
}

/**
 * A device's settings in the shape of Renoise's device presets
 * (`<FilterDevicePreset doc_version="13"><DeviceSlot type="GainerDevice">…`,
 * one `<Tag><Value>v</Value></Tag>` per parameter).
 */
export function presetXml(d: PresetSource): string {
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<FilterDevicePreset doc_version="13">`,
    `  <DeviceSlot type="${d.spec.xml_type}">`,
    `    <IsMaximized>${String(d.is_maximized)}</IsMaximized>`,
    `    <IsActive>`,
    `      <Value>${d.is_active ? "1.0" : "0.0"}</Value>`,
    `    </IsActive>`,
  ];
  for (const p of d.parameters) {
    const tag = presetTag(p.name);
    lines.push(`    <${tag}>`, `      <Value>${xmlNumber(p.value)}</Value>`, `    </${tag}>`);
  }
  lines.push(`  </DeviceSlot>`, `</FilterDevicePreset>`, ``);
  return lines.join("\n");
}

/** Settings read from preset XML; parameters absent from the XML keep their value. */
export interface PresetRead {
  values: number[];
  active?: boolean;
  maximized?: boolean;
}

/** Reads preset XML for `d`; raises (naming the problem) on XML of another device or values out of range. */
export function readPresetXml(d: PresetSource, xml: string): PresetRead {
  const what = "AudioDevice.active_preset_data";
  const slot = /<(DeviceSlot|\w+Device)\s+type="([^"]*)"/.exec(xml);
  if (!/<FilterDevicePreset\b/.test(xml) || !slot) {
    throw new ModelError(`${what}: not Renoise device preset XML (expected <FilterDevicePreset> with a <DeviceSlot type="...">)`);
  }
  if (slot[2] !== d.spec.xml_type) {
    throw new ModelError(`${what}: the preset is for a ${slot[2]}, not for device '${d.spec.name}' (${d.spec.xml_type})`);
  }
  const values = d.parameters.map((p) => {
    const m = new RegExp(`<${presetTag(p.name)}>\\s*<Value>([^<]*)</Value>`).exec(xml);
    if (!m) return p.value;
    const v = Number(m[1]);
    if (!Number.isFinite(v) || v < p.value_min - 1e-9 || v > p.value_max + 1e-9) {
      throw new ModelError(
        `${what}: value '${m[1]}' of parameter '${p.name}' is out of range (${p.value_min} - ${p.value_max})`,
      );
    }
    return Math.min(p.value_max, Math.max(p.value_min, v));
  });
  const read: PresetRead = { values };
  const max = /<IsMaximized>(true|false)<\/IsMaximized>/.exec(xml);
  if (max) read.maximized = max[1] === "true";
  const act = /<IsActive>\s*<Value>([^<]*)<\/Value>/.exec(xml);
  if (act) read.active = Number(act[1]) !== 0;
  return read;
}

function xmlNumber(v: number): string {
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}
