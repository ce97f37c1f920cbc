/**
 * The view types of renoise.ViewBuilder as data: for each constructor name
 * (`button`, `slider`, ...) the Renoise type name, its properties in the
 * order a constructor table applies them (min/max before value), their kind
 * and default, and which notifiers it has. The model (view.ts), the Lua
 * binding and the renderers all read this one table.
 */

/** How a property's value is checked and stored. */
export type PropKind =
  | "string"
  | "number"
  | "integer"
  | "boolean"
  | "dimension" // integer pixels or "N%"
  | "strings" // list of strings
  | "color" // {r, g, b}, 0..255
  | "steps" // {small, big}
  | "xy" // {x, y}
  | "xy?" // {x, y} or nil
  | "enum"
  | "function"; // tostring / tonumber converters (optional)

export interface PropSpec {
  readonly kind: PropKind;
  readonly default: unknown;
  /** Allowed values of an "enum". */
  readonly values?: readonly string[];
  /** Another name for the same property (`text` of a text field is its `value`). */
  readonly aliasOf?: string;
}

/** What kind of notifier a view has: none, a value notifier, or button-like press/release ones. */
export type NotifierKind = "none" | "value" | "button" | "bitmap";

export interface ViewTypeSpec {
  /** The constructor name on a ViewBuilder (`vb:button`). */
  readonly ctor: string;
  /** What `type(view)` says in Lua (`"Button"`). */
  readonly type: string;
  readonly props: Readonly<Record<string, PropSpec>>;
  readonly notifier: NotifierKind;
  /** Column, row and aligners lay out their children. */
  readonly layout?: "column" | "row";
  /** Multi-line text views have scroll_to_*_line, add_line and clear. */
  readonly lines?: boolean;
}

const FONTS = ["normal", "big", "bold", "italic", "mono"] as const;
const TEXT_STYLES = ["normal", "strong", "disabled"] as const;
const ALIGNS = ["left", "right", "center"] as const;
const BACKGROUNDS = ["invisible", "plain", "border", "body", "panel", "group"] as const;
const H_MODES = ["left", "right", "center", "justify", "distribute"] as const;
const V_MODES = ["top", "bottom", "center", "justify", "distribute"] as const;
const BITMAP_MODES = ["plain", "transparent", "button_color", "body_color", "main_color"] as const;

const p = (kind: PropKind, def: unknown, values?: readonly string[]): PropSpec =>
  values ? { kind, default: def, values } : { kind, default: def };

/** Properties of every view. */
const VIEW: Record<string, PropSpec> = {
  visible: p("boolean", true),
  width: p("dimension", undefined),
  height: p("dimension", undefined),
  tooltip: p("string", ""),
};
/** Properties of controls (views a user can operate). */
const CONTROL: Record<string, PropSpec> = {
  ...VIEW,
  active: p("boolean", true),
  midi_mapping: p("string", ""),
};
const RACK: Record<string, PropSpec> = {
  ...VIEW,
  margin: p("integer", 0),
  spacing: p("integer", 0),
  style: p("enum", "invisible", BACKGROUNDS),
  uniform: p("boolean", false),
};
const aligner = (modes: readonly string[]): Record<string, PropSpec> => ({
  ...VIEW,
  margin: p("integer", 0),
  spacing: p("integer", 0),
  mode: p("enum", modes[0], modes),
});
const range = (min: number, max: number, extra: Record<string, PropSpec> = {}): Record<string, PropSpec> => ({
  ...CONTROL,
  min: p("number", min),
  max: p("number", max),
  ...extra,
});
const CONVERTERS = { tostring: p("function", undefined), tonumber: p("function", undefined) };

const SPECS: ViewTypeSpec[] = [
  { ctor: "column", type: "Rack", props: RACK, notifier: "none", layout: "column" },
  { ctor: "row", type: "Rack", props: RACK, notifier: "none", layout: "row" },
  { ctor: "horizontal_aligner", type: "Aligner", props: aligner(H_MODES), notifier: "none", layout: "row" },
  { ctor: "vertical_aligner", type: "Aligner", props: aligner(V_MODES), notifier: "none", layout: "column" },
  { ctor: "space", type: "View", props: VIEW, notifier: "none" },
  {
    ctor: "text",
    type: "Text",
    props: {
      ...VIEW,
      text: p("string", ""),
      font: p("enum", "normal", FONTS),
      style: p("enum", "normal", TEXT_STYLES),
      align: p("enum", "left", ALIGNS),
    },
    notifier: "none",
  },
  {
    ctor: "multiline_text",
    type: "MultiLineText",
    props: {
      ...VIEW,
      text: p("string", ""),
      paragraphs: p("strings", []),
      font: p("enum", "normal", FONTS),
      style: p("enum", "body", BACKGROUNDS),
    },
    notifier: "none",
    lines: true,
  },
  {
    ctor: "textfield",
    type: "TextField",
    props: {
      ...VIEW,
      active: p("boolean", true),
      value: p("string", ""),
      text: { kind: "string", default: "", aliasOf: "value" },
      align: p("enum", "left", ALIGNS),
      edit_mode: p("boolean", false),
    },
    notifier: "value",
  },
  {
    ctor: "multiline_textfield",
    type: "MultiLineTextField",
    props: {
      ...VIEW,
      active: p("boolean", true),
      value: p("string", ""),
      text: { kind: "string", default: "", aliasOf: "value" },
      paragraphs: p("strings", []),
      font: p("enum", "normal", FONTS),
      style: p("enum", "border", BACKGROUNDS),
      edit_mode: p("boolean", false),
    },
    notifier: "value",
    lines: true,
  },
  {
    ctor: "bitmap",
    type: "Bitmap",
    props: { ...CONTROL, mode: p("enum", "plain", BITMAP_MODES), bitmap: p("string", "") },
    notifier: "bitmap",
  },
  {
    ctor: "button",
    type: "Button",
    props: { ...CONTROL, text: p("string", ""), bitmap: p("string", ""), color: p("color", [0, 0, 0]) },
    notifier: "button",
  },
  { ctor: "checkbox", type: "CheckBox", props: { ...CONTROL, value: p("boolean", false) }, notifier: "value" },
  {
    ctor: "switch",
    type: "Switch",
    props: { ...CONTROL, items: p("strings", []), value: p("integer", 1) },
    notifier: "value",
  },
  {
    ctor: "popup",
    type: "Popup",
    props: { ...CONTROL, items: p("strings", []), value: p("integer", 1) },
    notifier: "value",
  },
  {
    ctor: "chooser",
    type: "Chooser",
    props: { ...CONTROL, items: p("strings", []), value: p("integer", 1) },
    notifier: "value",
  },
  {
    ctor: "valuebox",
    type: "ValueBox",
    props: range(0, 100, { steps: p("steps", [1, 2]), value: p("number", 0), ...CONVERTERS }),
    notifier: "value",
  },
  {
    ctor: "value",
    type: "Value",
    props: {
      ...VIEW,
      value: p("number", 0),
      font: p("enum", "normal", FONTS),
      align: p("enum", "left", ALIGNS),
      tostring: p("function", undefined),
    },
    notifier: "value",
  },
  {
    ctor: "valuefield",
    type: "ValueField",
    props: range(0, 1, { value: p("number", 0), align: p("enum", "left", ALIGNS), ...CONVERTERS }),
    notifier: "value",
  },
  {
    ctor: "slider",
    type: "Slider",
    props: range(0, 1, { steps: p("steps", [0.01, 0.1]), default: p("number", 0), value: p("number", 0) }),
    notifier: "value",
  },
  {
    ctor: "minislider",
    type: "MiniSlider",
    props: range(0, 1, { default: p("number", 0), value: p("number", 0) }),
    notifier: "value",
  },
  {
    ctor: "rotary",
    type: "RotaryEncoder",
    props: range(0, 1, { default: p("number", 0), value: p("number", 0) }),
    notifier: "value",
  },
  {
    ctor: "xypad",
    type: "XYPad",
    props: {
      ...CONTROL,
      min: p("xy", { x: 0, y: 0 }),
      max: p("xy", { x: 1, y: 1 }),
      value: p("xy", { x: 0.5, y: 0.5 }),
      snapback: p("xy?", undefined),
    },
    notifier: "value",
  },
];

/** The view types by constructor name. */
export const VIEW_TYPES: ReadonlyMap<string, ViewTypeSpec> = new Map(SPECS.map((s) => [s.ctor, s]));

/** The ViewBuilder constructor names, in the order Renoise's definitions list them. */
export const VIEW_CONSTRUCTORS: readonly string[] = SPECS.map((s) => s.ctor);

/** renoise.ViewBuilder's constants. */
export const VIEW_BUILDER_CONSTANTS = {
  DEFAULT_CONTROL_MARGIN: 4,
  DEFAULT_CONTROL_SPACING: 2,
  DEFAULT_CONTROL_HEIGHT: 18,
  DEFAULT_MINI_CONTROL_HEIGHT: 14,
  DEFAULT_DIALOG_MARGIN: 8,
  DEFAULT_DIALOG_SPACING: 8,
  DEFAULT_DIALOG_BUTTON_HEIGHT: 22,
} as const;
