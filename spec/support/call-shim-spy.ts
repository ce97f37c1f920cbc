import type { CallShim } from "../../src/lua/call-shim.js";

/** `real` with the result of each of its pushes (`pushAlias`, `pushObject`, `pushNil`) told to `onPush`. */
export function spyOnPushes(real: CallShim, onPush: (status: number) => void): CallShim {
  return {
    stage: (...a) => real.stage(...a),
    pushAlias: (...a) => {
      const s = real.pushAlias(...a);
      onPush(s);
      return s;
    },
    pushObject: (...a) => {
      const s = real.pushObject(...a);
      onPush(s);
      return s;
    },
    pushNil: (...a) => {
      const s = real.pushNil(...a);
      onPush(s);
      return s;
    },
  };
}
