import { basename } from "node:path";
import type { ToolFs } from "../lua/index.js";
import { toText } from "../core/bytes.js";

/** What a tool says about itself (manifest.xml), or what is derived for a single script. */
export interface ToolInfo {
  /** `<Id>` of the manifest; for a folder without one, the folder name; for a script, its file name without `.lua`. */
  readonly id: string;
  /** `<Name>` of the manifest, else the id. */
  readonly name: string;
  /** `<ApiVersion>` of the manifest, if any. */
  readonly apiVersion?: number;
  /** True if the info came from a manifest.xml. */
  readonly fromManifest: boolean;
}

/**
 * Reads `manifest.xml` of a tool folder (`RenoiseScriptingTool` with `Id`,
 * `Name`, `ApiVersion`); a single script has no manifest.
 *
 * @internal
 */
export function readToolInfo(fs: ToolFs, script: string | undefined): ToolInfo {
  if (script !== undefined) {
    const id = basename(script).replace(/\.lua$/i, "");
    return { id, name: id, fromManifest: false };
  }
  const folder = basename(fs.root.replace(/\/+$/, "")) || "tool";
  const xml = fs.read("manifest.xml");
  if (xml === undefined) return { id: folder, name: folder, fromManifest: false };
  // A fuzz campaign loads the same tool once per scenario: each manifest is parsed once.
  const known = parsed.get(folder);
  if (known !== undefined && known.xml === xml) return known.info;
  const info = Object.freeze(parseManifest(xml, folder));
  if (known === undefined && parsed.size >= PARSED_FOLDERS) parsed.clear();
  parsed.set(folder, { xml, info });
  return info;
}

/** The last manifest parsed for each folder name (at most {@link PARSED_FOLDERS} names). */
const parsed = new Map<string, { readonly xml: string; readonly info: ToolInfo }>();
const PARSED_FOLDERS = 64;

function parseManifest(xml: string, folder: string): ToolInfo {
  const doc = toText(xml);
  const id = element(doc, "Id") ?? folder;
  const api = element(doc, "ApiVersion");
  const apiVersion = api !== undefined && api !== "" && Number.isFinite(Number(api)) ? Number(api) : undefined;
  return { id, name: element(doc, "Name") ?? id, ...(apiVersion !== undefined ? { apiVersion } : {}), fromManifest: true };
}

function element(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? unescapeXml(m[1]!.trim()) : undefined;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
