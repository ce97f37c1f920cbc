import { directViewDriver, type ViewDriver } from "./driver.js";
import { View, ViewError } from "./view.js";

/** A key as a dialog's key handler receives it (Renoise's KeyEvent). */
export interface KeyEvent {
  name: string;
  modifiers: string;
  character?: string;
  note?: number;
  state?: "pressed" | "released";
  repeated?: boolean;
}

/** A dialog's key handler: returns the key to pass it on to Renoise, or nothing to swallow it. */
export type KeyHandler = (dialog: Dialog, key: KeyEvent) => KeyEvent | undefined | void;

/** `send_key_repeat` / `send_key_release` of show_custom_dialog. */
export interface KeyHandlerOptions {
  send_key_repeat?: boolean;
  send_key_release?: boolean;
}

/**
 * A custom dialog (`renoise.app():show_custom_dialog`): a title and a content
 * view, visible until closed (by the tool, or by a test as a user would).
 */
export class Dialog {
  private shown = true;
  /** Keys the key handler passed back to Renoise (returned instead of swallowing). */
  readonly passedKeys: KeyEvent[] = [];

  constructor(
    readonly title: string,
    readonly content: View,
    readonly keyHandler: KeyHandler | undefined,
    readonly keyOptions: KeyHandlerOptions,
    private readonly owner: Dialogs,
    /** For custom prompts: the button labels; the answer is set when one is chosen. */
    readonly buttons?: readonly string[],
  ) {}

  /** `dialog.visible` */
  get visible(): boolean {
    return this.shown;
  }

  /** Brings the dialog back (or to the front). */
  show(): void {
    if (this.shown) return;
    this.shown = true;
    this.owner.opened(this);
  }

  /** Closes the dialog (idempotent). */
  close(): void {
    if (!this.shown) return;
    this.shown = false;
    this.owner.closed(this);
  }

  /**
   * Sends a key press to the dialog as the user would: the key handler runs
   * on the GUI thread; a dialog without one closes on "esc".
   */
  pressKey(key: string | KeyEvent): void {
    const event: KeyEvent = typeof key === "string" ? parseKey(key) : key;
    if (!this.shown) throw new ViewError(`Dialog.pressKey: the dialog "${this.title}" is closed`);
    this.owner.driver.runGui("dialog.key", () => {
      this.owner.driver.record("dialog.key", { title: this.title, key: keyLabel(event) });
      if (!this.keyHandler) {
        if (event.name === "esc" && event.modifiers === "") this.close();
        return;
      }
      const passed = this.keyHandler(this, event);
      if (passed) this.passedKeys.push(passed);
    });
  }
}

/** "esc", "a", "shift + a", "control + shift + s" -> a KeyEvent. */
export function parseKey(text: string): KeyEvent {
  const parts = text.split("+").map((s) => s.trim());
  const name = parts.pop() ?? "";
  const event: KeyEvent = { name, modifiers: parts.join(" + ") };
  if (name.length === 1) event.character = name;
  return event;
}

function keyLabel(k: KeyEvent): string {
  return k.modifiers ? `${k.modifiers} + ${k.name}` : k.name;
}

/** The dialogs of one tool: every one shown, and which are open now. */
export class Dialogs {
  /** Every dialog shown, in order (closed ones too). */
  readonly all: Dialog[] = [];

  constructor(readonly driver: ViewDriver = directViewDriver) {}

  /** The dialogs open now, in the order they were opened. */
  get open(): Dialog[] {
    return this.all.filter((d) => d.visible);
  }

  /** Opens a custom dialog. */
  show(title: string, content: View, keyHandler?: KeyHandler, options: KeyHandlerOptions = {}, buttons?: string[]): Dialog {
    if (!(content instanceof View)) throw new ViewError("show_custom_dialog: the content must be a view");
    const d = new Dialog(title, content, keyHandler, options, this, buttons);
    this.all.push(d);
    this.opened(d);
    return d;
  }

  /** @internal */
  opened(d: Dialog): void {
    this.driver.record("dialog.show", { title: d.title });
    d.content.openDialogs++;
    for (const v of d.content.walk()) v.link?.resume();
  }

  /** @internal the bound views of a closed dialog stop following (unless another open dialog shows them). */
  closed(d: Dialog): void {
    this.driver.record("dialog.close", { title: d.title });
    if (d.content.openDialogs > 0) d.content.openDialogs--;
    for (const v of d.content.walk()) if (v.link && !v.inOpenDialog) v.link.pause();
  }

  /** Closes every open dialog (the tool unloads). */
  closeAll(): void {
    for (const d of this.open) d.close();
  }
}
