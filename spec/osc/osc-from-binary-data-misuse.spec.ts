import { describe, expect, it } from "vitest";
import { Message, OscUsageError, from_binary_data } from "../../src/renoise/osc/index.js";

const call = (x: unknown) => () => from_binary_data(x as string);

describe("from_binary_data throws only when given something that is not binary data", () => {
  it("non-string input is misuse", () => {
    for (const x of [undefined, 42, {}, ["/a"]]) {
      expect(call(x)).toThrow(OscUsageError);
      expect(call(x)).toThrow(/^renoise\.Osc\.from_binary_data: binary_data must be a \(byte\) string/);
    }
  });

  it("a string with non-byte characters is misuse", () => {
    expect(call("/a\u0394\0")).toThrow(/^renoise\.Osc\.from_binary_data: .*U\+0394 at index 2, which is not a byte/);
  });

  it("a Uint8Array is accepted like the equivalent byte string", () => {
    const m = Message("/u8", [{ tag: "b", value: "\0\xff" }]);
    const arr = Uint8Array.from(m.binary_data, (c) => c.charCodeAt(0));
    const [back, err] = from_binary_data(arr);
    expect(err).toBeUndefined();
    expect(back?.binary_data).toBe(m.binary_data);
  });
});
