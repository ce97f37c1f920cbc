import { text, toText } from "../core/bytes.js";
import { LuaRef, type HostClassSpec, type HostProperty, type LuaInput, type LuaValue, type LuaVm } from "../lua/index.js";
import { APPLICATION_WINDOW_CONSTANTS, WINDOW_PROPERTIES, type ApplicationWindow } from "../renoise/app/window.js";
import type { KeyEvent } from "../renoise/views/dialog.js";
import { View, ViewError } from "../renoise/views/view.js";
import type { LuaTables } from "./tables.js";
import { luaTypeOf, releaseAll } from "./tables.js";
import type { ToolHost } from "./tool-host.js";
import type { ViewsBinding } from "./views-binding.js";

/** `renoise.app().window` as Lua sees it (the same for every tool: made once). */
let windowSpec: HostClassSpec<ApplicationWindow> | undefined;

function applicationWindowSpec(): HostClassSpec<ApplicationWindow> {
  const properties: Record<string, HostProperty<ApplicationWindow>> = {};
  for (const [name, p] of Object.entries(WINDOW_PROPERTIES)) {
    properties[name] = { get: (w) => w.get(name), set: (w, v) => w.set(name, v) };
    if (p.observable) properties[`${name}_observable`] = { get: (w) => w.observable(name) };
  }
  // Frozen: defineClass takes the tables as they are, with no copy per tool load.
  return {
    typeName: "ApplicationWindow",
    properties: Object.freeze(properties),
    methods: Object.freeze({
      maximize: (w: ApplicationWindow) => w.maximize(),
      minimize: (w: ApplicationWindow) => w.minimize(),
      restore: (w: ApplicationWindow) => w.restore(),
      select_preset: (w: ApplicationWindow, i: LuaValue) => w.select_preset(i as number),
    }),
  };
}

/**
 * The TypeScript-backed parts of `renoise.app()`: the window, custom dialogs
 * and prompts. Returns host functions for lua/tool-api.ts.
 *
 * @internal
 */
export function bindApp(
  vm: LuaVm,
  tables: LuaTables,
  views: ViewsBinding,
  toolHost: ToolHost,
  window: ApplicationWindow,
): Record<string, LuaInput> {
  const windowClass = vm.defineClass<ApplicationWindow>((windowSpec ??= applicationWindowSpec()));

  const keyHandler = (call: string, handler: LuaValue) => {
    const fn = views.callable(call, handler);
    if (!fn) return undefined;
    return (dialog: object, key: KeyEvent): KeyEvent | undefined => {
      const [r, ...rest] = fn(vm.wrap(dialog, views.dialogClass), views.toLua(key));
      releaseAll(rest);
      if (r instanceof LuaRef) {
        r.release();
        return key;
      }
      return undefined;
    };
  };
  const content = (call: string, v: LuaValue): View => {
    if (v instanceof View) return v;
    throw new ViewError(`${call}: the content must be a view (from renoise.ViewBuilder), got ${luaTypeOf(v)}`);
  };
  const str = (v: LuaValue): string => (typeof v === "string" ? toText(v) : typeof v === "number" ? String(v) : luaTypeOf(v));

  return {
    window: () => vm.wrap(window, windowClass),
    window_constants: { ...APPLICATION_WINDOW_CONSTANTS },
    custom_dialog: (title, view, handler, options) => {
      const opts = options instanceof LuaRef ? { send_key_repeat: options.get("send_key_repeat") !== false, send_key_release: options.get("send_key_release") === true } : {};
      const d = toolHost.dialogs.show(str(title), content("show_custom_dialog", view), keyHandler("show_custom_dialog", handler), opts);
      return vm.wrap(d, views.dialogClass);
    },
    custom_prompt: (title, view, buttons, handler) => {
      if (!(buttons instanceof LuaRef) || buttons.type !== "table") {
        throw new ViewError(`show_custom_prompt: a table of button labels is expected, got ${luaTypeOf(buttons)}`);
      }
      const labels = tables.seq(buttons).map((b) => str(b));
      return text(toolHost.customPrompt(str(title), content("show_custom_prompt", view), labels, keyHandler("show_custom_prompt", handler)));
    },
  };
}
