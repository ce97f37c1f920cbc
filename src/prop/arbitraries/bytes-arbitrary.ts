import fc from "fast-check";
import { fromBytes, type ByteString } from "../../core/bytes.js";
import { arrayDraw, drawArrayLength, drawInteger, integerParts, type IntegerParts } from "./fc-parts.js";

/** What {@link BytesArbitrary} reads of fast-check's array arbitrary (its own fields, as fast-check 4 names them). */
interface ArrayParts {
  readonly minLength: number;
  readonly maxGeneratedLength: number;
  readonly cachedBiasedMaxLength: number;
  readonly item: IntegerParts;
}

/** The parts of `fc.uint8Array(...)` the fast path needs, or undefined when its shape is not the one known. */
function arrayParts(u8: fc.Arbitrary<Uint8Array>): ArrayParts | undefined {
  const array = (u8 as unknown as { arb?: Partial<Omit<ArrayParts, "item">> & { arb?: unknown; customSlices?: unknown; constructor: { name: string } } }).arb;
  if (!array || array.constructor.name !== "ArrayArbitrary") return undefined;
  const item = integerParts(array.arb);
  const known =
    item !== undefined &&
    Number.isInteger(array.minLength) &&
    Number.isInteger(array.maxGeneratedLength) &&
    Number.isInteger(array.cachedBiasedMaxLength) &&
    Array.isArray(array.customSlices) &&
    array.customSlices.length === 0;
  if (!known) return undefined;
  return { minLength: array.minLength!, maxGeneratedLength: array.maxGeneratedLength!, cachedBiasedMaxLength: array.cachedBiasedMaxLength!, item };
}

/**
 * `fc.uint8Array({ minLength, maxLength }).map(fromBytes)`, drawn without its
 * layers: the same random draws in the same order, the same value and the same
 * context (so fast-check shrinks it as it shrinks its own, by the same code:
 * `shrink` is fast-check's). fast-check draws a payload as an array
 * arbitrary, then a typed-array mapper, then the string mapper, with a
 * `Value` per byte and a generic `Uint8Array.from`; payloads are most of
 * what a fuzz scenario draws. Falls back to fast-check's own `generate`
 * if the installed fast-check is not shaped as this expects; a spec
 * (spec/prop/bytes-payload-draws-as-fast-check.spec.ts) checks values,
 * contexts and shrinks against it.
 */
export class BytesArbitrary extends fc.Arbitrary<ByteString> {
  private readonly inner: fc.Arbitrary<ByteString>;
  private readonly parts: ArrayParts | undefined;

  constructor(minLength: number, maxLength: number) {
    super();
    const u8 = fc.uint8Array({ minLength, maxLength });
    this.inner = u8.map(fromBytes);
    this.parts = arrayParts(u8);
  }

  /** True when payloads are drawn by the fast path (false: by fast-check's own arbitraries, which this did not recognise). */
  get fast(): boolean {
    return this.parts !== undefined;
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<ByteString> {
    const p = this.parts;
    if (p === undefined) return this.inner.generate(mrng, biasFactor);
    // ArrayArbitrary.generate: the length, and whether the items are biased.
    drawArrayLength(mrng, p.minLength, p.maxGeneratedLength, p.cachedBiasedMaxLength, biasFactor);
    const n = arrayDraw.n;
    const itemBias = arrayDraw.itemBias;
    // No custom slices: each item is IntegerArbitrary.generate(mrng, itemBias), its context undefined.
    const values: number[] = [];
    const contexts: undefined[] = [];
    for (let i = 0; i < n; i++) {
      values.push(drawInteger(mrng, p.item, itemBias));
      contexts.push(undefined);
    }
    // The contexts ArrayArbitrary.wrapper and the two mappers give.
    const arrayContext = { shrunkOnce: false, lengthContext: undefined, itemsContexts: contexts, startIndex: 0 };
    const bytes = new Uint8Array(values);
    return new fc.Value(fromBytes(bytes), { originalValue: bytes, originalContext: { originalValue: values, originalContext: arrayContext } });
  }

  canShrinkWithoutContext(value: unknown): value is ByteString {
    return this.inner.canShrinkWithoutContext(value);
  }

  shrink(value: ByteString, context: unknown): fc.Stream<fc.Value<ByteString>> {
    return this.inner.shrink(value, context);
  }
}
