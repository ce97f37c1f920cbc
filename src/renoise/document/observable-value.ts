import { Observable, ObservableError } from "./observable.js";

type Kind = "boolean" | "number" | "string";
type ValueOf<K extends Kind> = K extends "boolean" ? boolean : K extends "number" ? number : string;

/**
 * An observable holding one value (renoise.Document.ObservableBoolean / Number / String).
 * Setting a different value notifies with the new value; setting the same value does not.
 */
export class ObservableValue<K extends Kind> extends Observable {
  private v: ValueOf<K>;

  constructor(
    /** "boolean", "number" or "string". */
    readonly kind: K,
    value: ValueOf<K>,
  ) {
    super();
    this.check(value);
    this.v = value;
  }

  /** The Lua type name: ObservableBoolean, ObservableNumber or ObservableString. */
  get typeName(): string {
    return `Observable${this.kind[0]!.toUpperCase()}${this.kind.slice(1)}`;
  }

  get value(): ValueOf<K> {
    return this.v;
  }

  set value(value: ValueOf<K>) {
    this.check(value);
    if (Object.is(value, this.v) || value === this.v) return;
    this.v = value;
    this.notify(value);
  }

  private check(value: unknown): void {
    if (typeof value !== this.kind) {
      throw new ObservableError(`${this.typeName}.value: a ${this.kind} is expected, got ${typeof value}`);
    }
  }

  /** Serializable: the value as text. */
  to_string(): string {
    return String(this.v);
  }

  /** Serializable: sets the value from text when it parses; errors are ignored, as Renoise does. */
  from_string(text: string): string {
    if (this.kind === "string") this.value = text as ValueOf<K>;
    else if (this.kind === "boolean" && (text === "true" || text === "false")) this.value = (text === "true") as ValueOf<K>;
    else if (this.kind === "number" && text.trim() !== "" && Number.isFinite(Number(text))) this.value = Number(text) as ValueOf<K>;
    return this.to_string();
  }
}

/** renoise.Document.ObservableBoolean. */
export class ObservableBoolean extends ObservableValue<"boolean"> {
  constructor(value = false) {
    super("boolean", value);
  }
}

/** renoise.Document.ObservableNumber. */
export class ObservableNumber extends ObservableValue<"number"> {
  constructor(value = 0) {
    super("number", value);
  }
}

/** renoise.Document.ObservableString. */
export class ObservableString extends ObservableValue<"string"> {
  constructor(value = "") {
    super("string", value);
  }
}
