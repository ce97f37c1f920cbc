/**
 * Per-end TCP stream bookkeeping the network keeps beside a {@link TcpEnd}
 * for what most segments never need: segments that arrived early, bytes
 * held back to be merged with the next send, and why the end is gone. The
 * sequence numbers, the send counter and the trace keys, which every
 * segment uses, are fields of the {@link TcpEnd} itself.
 */
export class StreamState {
  /** Segments from the peer that arrived ahead of a missing one. */
  get early(): Map<number, () => void> {
    return (this.#early ??= new Map());
  }
  /** Made on first use: an empty Map weighs ~180 bytes, and idle connections never need it. */
  #early: Map<number, () => void> | undefined;
  /**
   * Takes out the segment with sequence number `seq` that arrived early, if
   * any (without making the Map: in-order streams, the usual case, never do).
   */
  takeEarly(seq: number): (() => void) | undefined {
    const m = this.#early;
    if (m === undefined) return undefined;
    const next = m.get(seq);
    if (next !== undefined) m.delete(seq);
    return next;
  }
  /** Forgets every segment that arrived early. */
  clearEarly(): void {
    this.#early?.clear();
  }
  /** The next send merges into the last piece of the previous one. */
  mergeNext = false;
  /** Bytes held back (at the sender) to be merged with the next send. */
  cork: { data: string; merge: boolean; cancel: () => void } | undefined;
  /**
   * Why this end stopped existing for the network: "aborted" (it reset, or
   * its retransmissions timed out), "crashed" (its host crashed) or
   * "vanished" (half-open: gone without FIN or RST).
   */
  gone: "aborted" | "crashed" | "vanished" | undefined;
}
