import { emptyArray } from "../core/site-free.js";

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

/**
 * A queued callback made by {@link GuiThread.enqueue}. A class, not an
 * object literal: V8 can decide that an object literal's objects are
 * long-lived (a world with thousands of queued callbacks) and allocate that
 * literal's later objects straight into the old generation, where each,
 * holding its owner and closure, would keep a short-lived world alive
 * across scavenges (see docs/performance.md, nineteenth round).
 */
class QueuedCallback implements DispatchItem {
  done = false;
  constructor(
    readonly owner: DispatchOwner,
    readonly run: () => void,
    readonly discard: (() => void) | undefined,
  ) {}
}

/**
 * Which hosts' GUI threads have something queued: bit i for the host at
 * index i of the network's host list (the first {@link PENDING_BITS} hosts).
 * The simulation drains after every event; with this it visits only the
 * threads that have work, in host order, instead of every host's. `all`
 * (see {@link visitsEveryHost}) says to visit every host instead.
 */
export interface GuiPending {
  mask: number;
  all: boolean;
}

/** Hosts that get a bit of their own in {@link GuiPending.mask}. */
export const PENDING_BITS = 30;

/**
 * Up to this many hosts, draining visits every host's GUI thread (an empty
 * queue is one comparison, quicker than picking hosts by bits); so it does
 * beyond {@link PENDING_BITS} hosts, which have no bit.
 */
export const FEW_HOSTS = 6;

/** Whether a network of `hosts` hosts drains every host's GUI thread (`GuiPending.all`). */
export function visitsEveryHost(hosts: number): boolean {
  return hosts <= FEW_HOSTS || hosts > PENDING_BITS;
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
  /**
   * The queue: `items[head..tail)`. Slots before `head` are cleared; an
   * emptied queue starts again at 0 and keeps its array (a queue that fills
   * and empties at every message would otherwise make a new one each time).
   */
  private items: (DispatchItem | undefined)[] = emptyArray();
  private head = 0;
  private tail = 0;
  readonly frames: BlockFrame[] = emptyArray();
  inCallback = false;

  /**
   * @param marks where this thread marks that it has work (see {@link GuiPending})
   * @param bit its bit there (0: a host beyond the bits, which `marks.all` covers)
   */
  constructor(
    private readonly marks: GuiPending = { mask: 0, all: true },
    private readonly bit = 0,
  ) {}

  enqueue(owner: DispatchOwner, run: () => void, discard?: () => void): void {
    this.items[this.tail++] = new QueuedCallback(owner, run, discard);
    this.marks.mask |= this.bit;
  }

  /** Queues an item made by the caller (e.g. a class whose `run` and `discard` are methods: no closures). */
  add(item: DispatchItem): void {
    this.items[this.tail++] = item;
    this.marks.mask |= this.bit;
  }

  /** True when nothing is queued (not even done items waiting to be taken off). */
  get empty(): boolean {
    return this.head === this.tail;
  }

  /** Number of queued callbacks (including those of stopped servers). */
  get pending(): number {
    let n = 0;
    for (let i = this.head; i < this.tail; i++) if (!this.items[i]!.done) n++;
    return n;
  }

  /**
   * The last item still in the queue that `match` accepts (it may be done: a
   * done item stays in the queue until the items before it are done too).
   */
  findLast(match: (it: DispatchItem) => boolean): DispatchItem | undefined {
    for (let i = this.tail - 1; i >= this.head; i--) {
      const it = this.items[i]!;
      if (match(it)) return it;
    }
    return undefined;
  }

  /** True if some queued callback could run now. */
  hasRunnable(): boolean {
    if (this.inCallback) return false;
    for (let i = this.head; i < this.tail; i++) {
      const it = this.items[i]!;
      if (!it.done && (it.owner.dead || this.eligible(it.owner))) return true;
    }
    return false;
  }

  private eligible(owner: DispatchOwner): boolean {
    if (!owner.dispatching) return false;
    // No blocking call: the common case, tested first (frames[-1] of an empty array is a slow keyed load in V8).
    const n = this.frames.length;
    if (n === 0) return true;
    const top = this.frames[n - 1]!;
    return top.kind === "wait" && top.owner === owner;
  }

  /**
   * Runs every callback that may run now, in queue order. Returns how many ran.
   * `beforeEach` runs before each callback (the simulation counts work with it;
   * if it throws, that callback stays queued).
   */
  drain(beforeEach?: () => void): number {
    if (this.inCallback) return 0;
    // Nothing queued: the common case (this runs after every event of every host).
    if (this.head === this.tail) return 0;
    let ran = 0;
    let progress = true;
    while (progress) {
      progress = false;
      for (let i = this.head; i < this.tail; i++) {
        const it = this.items[i]!;
        if (it.done) {
          if (i === this.head) this.shift();
          continue;
        }
        if (it.owner.dead) {
          it.done = true;
          it.discard?.();
          if (i === this.head) this.shift();
          continue;
        }
        if (!this.eligible(it.owner)) continue;
        beforeEach?.();
        it.done = true;
        if (i === this.head) this.shift();
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

  /** Takes the head item off (it is done). */
  private shift(): void {
    this.items[this.head++] = undefined;
  }

  private compact(): void {
    if (this.head === this.tail) {
      this.head = this.tail = 0;
    } else if (this.head > 1024 && this.head * 2 > this.tail) {
      // Move the rest to the front so a queue that never empties does not grow without end.
      const items = this.items;
      items.copyWithin(0, this.head, this.tail);
      items.fill(undefined, this.tail - this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
  }

  /** Drops every queued callback of `owner` (calling its discard hook). */
  discardAll(owner: DispatchOwner): void {
    for (let i = this.head; i < this.tail; i++) {
      const it = this.items[i]!;
      if (!it.done && it.owner === owner) {
        it.done = true;
        it.discard?.();
      }
    }
  }
}
