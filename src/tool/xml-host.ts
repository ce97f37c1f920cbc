import { text, toText, type ByteString } from "../core/bytes.js";
import { multi, type LuaInput } from "../lua/index.js";
import { readXml, writeXml, XmlError, type XmlEvent } from "../renoise/document/xml.js";

/**
 * `write(events...)` / `read(text)` of lua/document.ts over
 * renoise/document/xml.ts. Pure functions of their arguments: the document
 * chunk runs once in the tool VM template (lua-preload.ts), so every tool VM
 * shares them.
 *
 * @internal
 */
export function xmlHost(): Record<string, LuaInput> {
  return {
    write: (...flat) => {
      const events: XmlEvent[] = [];
      for (let i = 0; i < flat.length; ) {
        const k = flat[i];
        if (k === "o") {
          events.push(["o", toText(flat[i + 1] as ByteString), toText(flat[i + 2] as ByteString)]);
          i += 3;
        } else if (k === "v") {
          const v = flat[i + 2];
          events.push(["v", toText(flat[i + 1] as ByteString), typeof v === "string" ? toText(v) : (v as number | boolean)]);
          i += 3;
        } else {
          events.push(["c"]);
          i += 1;
        }
      }
      return text(writeXml(events));
    },
    read: (source) => {
      let events: XmlEvent[];
      try {
        events = readXml(toText(source as ByteString));
      } catch (e) {
        if (e instanceof XmlError) return multi(false, text(e.message));
        throw e;
      }
      const flat: LuaInput[] = [true];
      for (const e of events) for (const part of e) flat.push(typeof part === "string" ? text(part) : part);
      return multi(...flat);
    },
  };
}
