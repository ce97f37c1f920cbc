/** A trace field value, as the simulation's trace records it. */
export type ViewTraceValue = string | number | boolean | null;

/**
 * What views and dialogs need from whoever drives them (the tool host or a
 * TypeScript test): a trace, and the GUI thread on which a user's action
 * (press, type, select) runs the tool's notifiers.
 */
export interface ViewDriver {
  /** Records a trace event (`view.press`, `dialog.show`, ...). */
  record(kind: string, fields: Record<string, ViewTraceValue>): void;
  /**
   * Runs a user action on the GUI thread. Throws if the thread is busy (a
   * blocking call or a callback in progress); errors of the tool's
   * notifiers come out of it as the driver reports them.
   */
  runGui(action: string, fn: () => void): void;
}

/** A driver that records nothing and runs actions at once (plain TypeScript use). */
export const directViewDriver: ViewDriver = {
  record() {},
  runGui(_action, fn) {
    fn();
  },
};
