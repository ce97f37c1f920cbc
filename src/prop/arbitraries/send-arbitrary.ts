import fc from "fast-check";
import type { ByteString } from "../../core/bytes.js";
import { SimulationUsageError } from "../../core/errors.js";
import type { WaitMode } from "../scenario.js";
import {
  constantValues,
  drawFrequencyIndex,
  drawInteger,
  frequencyParts,
  integerParts,
  type FrequencyParts,
  type IntegerParts,
} from "./fc-parts.js";

/** One generated send of a session: its gap, its bytes, and the receive that may follow it. */
export interface RawSend {
  gap: number;
  data: ByteString;
  wait: { gap: number; ms: number; mode: WaitMode } | undefined;
}

/** The parts of `fc.boolean()` (noBias(integer 0..1 mapped to a boolean)), checked once. */
function isFastCheckBoolean(arb: unknown): boolean {
  const nb = arb as { arb?: { arb?: unknown } & { constructor: { name: string } } } & { constructor: { name: string } };
  if (nb?.constructor.name !== "NoBiasArbitrary" || nb.arb?.constructor.name !== "MapArbitrary") return false;
  const int = integerParts(nb.arb.arb);
  return int !== undefined && int.min === 0 && int.max === 1;
}

/** What the one-step draw reads, when every part is as fast-check 4 builds it. */
interface Parts {
  gap: IntegerParts;
  ms: IntegerParts;
  option: FrequencyParts;
  mode: FrequencyParts;
  modeConstants: readonly unknown[];
  modeInteger: IntegerParts;
}

/**
 * The send record of {@link scenarioArbitrary}: `fc.tuple(gap, payload,
 * wait, fc.boolean()).map(...)` with `wait` an `fc.option` of
 * `fc.tuple(gap, ms, oneof(constantFrom("*all", "*line"), integer 1..16),
 * fc.boolean()).map(...)`. Drawn in one step: the same random draws in the
 * same order, the same value and the same context as fast-check's
 * composition gives (so fast-check shrinks it by its own code: `shrink` is the
 * composition's), without a `Value` and context per layer. Falls back to the
 * composition if fast-check is not shaped as this expects; a spec
 * (spec/prop/send-records-draw-as-fast-check.spec.ts) checks values,
 * contexts, draws and shrinks against it.
 */
class SendArbitrary extends fc.Arbitrary<RawSend> {
  constructor(
    private readonly reference: fc.Arbitrary<RawSend>,
    private readonly payload: fc.Arbitrary<ByteString>,
    private readonly parts: Parts,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<RawSend> {
    const p = this.parts;
    // The option and the oneof draw their first arbitrary at depth 0 only (their depth is theirs: it is 0
    // unless a draw of theirs is under way).
    if (p.option.context.depth !== 0 || p.mode.context.depth !== 0) return this.reference.generate(mrng, biasFactor);
    const gap = drawInteger(mrng, p.gap, biasFactor);
    const data = this.payload.generate(mrng, biasFactor);
    if (data.hasToBeCloned) throw new SimulationUsageError("scenarioArbitrary: payload must generate byte strings");
    const wait = this.drawWait(mrng, biasFactor);
    const b = mrng.nextInt(0, 1);
    // TupleArbitrary's value and contexts, then the record mapper's.
    const values = [gap, data.value, wait.value, b === 1];
    const contexts = [undefined, data.context, wait.context, { originalValue: b, originalContext: undefined }];
    return new fc.Value({ gap, data: data.value, wait: wait.value }, { originalValue: values, originalContext: contexts });
  }

  /** fc.option's draw: nothing (weight 1) or the receive record (weight freq - 1), with FrequencyArbitrary's context. */
  private drawWait(mrng: fc.Random, bias: number | undefined): { value: RawSend["wait"]; context: unknown } {
    const p = this.parts;
    const idx = drawFrequencyIndex(mrng, p.option)!;
    if (idx === 0) {
      // constant(undefined): one value, no draw, its index as context.
      return { value: undefined, context: { selectedIndex: 0, originalBias: bias, originalContext: 0, clonedMrngForFallbackFirst: null } };
    }
    const gap = drawInteger(mrng, p.gap, bias);
    const ms = drawInteger(mrng, p.ms, bias);
    const mi = drawFrequencyIndex(mrng, p.mode)!;
    let mode: unknown;
    let modeContext: unknown;
    if (mi === 0) {
      const values = p.modeConstants;
      const ci = values.length === 1 ? 0 : mrng.nextInt(0, values.length - 1);
      mode = values[ci];
      modeContext = ci;
    } else {
      mode = drawInteger(mrng, p.modeInteger, bias);
      modeContext = undefined;
    }
    const modeCloned = mi !== 0 && p.mode.withCrossShrink && p.mode.weights[0] !== 0 ? mrng.clone() : null;
    const b = mrng.nextInt(0, 1);
    const values = [gap, ms, mode, b === 1];
    const contexts = [
      undefined,
      undefined,
      { selectedIndex: mi, originalBias: bias, originalContext: modeContext, clonedMrngForFallbackFirst: modeCloned },
      { originalValue: b, originalContext: undefined },
    ];
    const record = { gap, ms, mode: mode as WaitMode };
    // The option picked its second arbitrary: with cross shrink, it keeps a copy of the generator as it is now.
    const cloned = p.option.withCrossShrink && p.option.weights[0] !== 0 ? mrng.clone() : null;
    return {
      value: record,
      context: { selectedIndex: 1, originalBias: bias, originalContext: { originalValue: values, originalContext: contexts }, clonedMrngForFallbackFirst: cloned },
    };
  }

  canShrinkWithoutContext(value: unknown): value is RawSend {
    return this.reference.canShrinkWithoutContext(value);
  }

  shrink(value: RawSend, context: unknown): fc.Stream<fc.Value<RawSend>> {
    return this.reference.shrink(value, context);
  }
}

/**
 * The send records of a session: `gap` before the send, `payload` bytes, and
 * (unless `waits` is false) an optional receive of at most `maxWait` ms.
 */
export function sendArbitrary(gap: fc.Arbitrary<number>, payload: fc.Arbitrary<ByteString>, maxWait: number, waits: boolean): fc.Arbitrary<RawSend> {
  const ms = fc.integer({ min: 0, max: maxWait });
  const modeConstants = fc.constantFrom<WaitMode>("*all", "*line");
  const modeInteger = fc.integer({ min: 1, max: 16 });
  const waitMode: fc.Arbitrary<WaitMode> = fc.oneof(modeConstants, modeInteger);
  const boolean = fc.boolean();
  const wait = waits
    ? fc.option(
        fc.tuple(gap, ms, waitMode, boolean).map(([gap, ms, mode]) => ({ gap, ms, mode })),
        { nil: undefined },
      )
    : fc.constant(undefined);
  const reference: fc.Arbitrary<RawSend> = fc.tuple(gap, payload, wait, boolean).map(([gap, data, wait]) => ({ gap, data, wait }));
  if (!waits) return reference;
  const gapParts = integerParts(gap);
  const msParts = integerParts(ms);
  const option = frequencyParts(wait);
  const mode = frequencyParts(waitMode);
  const constants = constantValues(modeConstants);
  const modeInt = integerParts(modeInteger);
  const known =
    gapParts && msParts && option && mode && constants && modeInt && isFastCheckBoolean(boolean) &&
    option.arbs.length === 2 && option.weights[0] === 1 && constantValues(option.arbs[0])?.length === 1 && constantValues(option.arbs[0])![0] === undefined &&
    mode.arbs.length === 2 && mode.arbs[0] === modeConstants && mode.arbs[1] === modeInteger;
  if (!known) return reference;
  return new SendArbitrary(reference, payload, { gap: gapParts, ms: msParts, option, mode, modeConstants: constants, modeInteger: modeInt });
}

/** True when {@link sendArbitrary} draws in one step (for the spec that compares it with fast-check). */
export function drawsInOneStep(arb: fc.Arbitrary<RawSend>): boolean {
  return arb instanceof SendArbitrary;
}
