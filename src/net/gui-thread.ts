/** Something whose callbacks go through a host's GUI thread (a server). */
export interface DispatchOwner {
  /** True while its callbacks may run (the server is running). */
  readonly dispatching: boolean;
  /** True once its callbacks must never run again (the server is closed). */
  readonly dead: boolean;
}

/** One callback waiting for the GUI thread. */
export interface DispatchItem {
  owner: DispatchOwner;
  run: () => void;
  /** Called instead of `run` when the owner died before the callback could run. */
  discard?: () => void;
  done: boolean;
}

/** A blocking call in progress on this thread. */
export type BlockFrame = { kind: "block"; call: string } | { kind: "wait"; owner: DispatchOwner };

/**
 * A host's single GUI thread (R2, R20). Notifier callbacks queue here and run
 * one at a time, never inside other code: only when the thread is idle, or
 * inside `server:wait()` for that server's callbacks. A blocking call
 * (receive, connect) blocks the thread, so nothing runs until it returns.
 */
export class GuiThread {
  private items: DispatchItem[] = [];
  private head = 0;
  readonly frames: BlockFrame[] = [];
  inCallback = false;

  enqueue(owner: DispatchOwner, run: () => void, discard?: () => void): void {
    this.items.push({ owner, run, discard, done: false });
  }

  /** Queues an item made by the caller (e.g. a class whose `run` and `discard` are methods: no closures). */
  add(item: DispatchItem): void {
    this.items.push(item);
  }

  /** Number of queued callbacks (including those of stopped servers). */
  get pending(): number {
    let n = 0;
    for (let i = this.head; i < this.items.length; i++) if (!this.items[i]!.done) n++;
    return n;
  }

  /** True if some queued callback could run now. */
  hasRunnable(): boolean {
    if (this.inCallback) return false;
    for (let i = this.head; i < this.items.length; i++) {
      const it = this.items[i]!;
      if (!it.done && (it.owner.dead || this.eligible(it.owner))) return true;
    }
    return false;
  }

  private eligible(owner: DispatchOwner): boolean {
    if (!owner.dispatching) return false;
    const top = this.frames[this.frames.length - 1];
    return top === undefined || (top.kind === "wait" && top.owner === owner);
  }

  /**
   * Runs every callback that may run now, in queue order. Returns how many ran.
   * `beforeEach` runs before each callback (the simulation counts work with it;
   * if it throws, that callback stays queued).
   */
  drain(beforeEach?: () => void): number {
    if (this.inCallback) return 0;
    if (this.head === this.items.length) {
      // Nothing queued (the common case: this runs after every event of every host).
      if (this.head !== 0) this.compact();
      return 0;
    }
    let ran = 0;
    let progress = true;
    while (progress) {
      progress = false;
      for (let i = this.head; i < this.items.length; i++) {
        const it = this.items[i]!;
        if (it.done) {
          if (i === this.head) this.head++;
          continue;
        }
        if (it.owner.dead) {
          it.done = true;
          it.discard?.();
          if (i === this.head) this.head++;
          continue;
        }
        if (!this.eligible(it.owner)) continue;
        beforeEach?.();
        it.done = true;
        if (i === this.head) this.head++;
        this.inCallback = true;
        try {
          it.run();
        } finally {
          this.inCallback = false;
        }
        ran++;
        progress = true;
      }
      this.compact();
    }
    return ran;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    // Only when there is something to clear: setting length is a runtime call, and this runs after every event.
    if (this.head === this.items.length && this.head !== 0) {
      this.items.length = 0;
      this.head = 0;
    }
  }

  /** Drops every queued callback of `owner` (calling its discard hook). */
  discardAll(owner: DispatchOwner): void {
    for (let i = this.head; i < this.items.length; i++) {
      const it = this.items[i]!;
      if (!it.done && it.owner === owner) {
        it.done = true;
        it.discard?.();
      }
    }
  }
}
