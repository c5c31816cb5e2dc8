// The seams between domains, owned by the domain that calls through them and connected only by
// the composition root (src/app.ts). A `Topic` is an event its owner publishes (inside the
// transaction of the change, or after it); a `Port` is one implementation its owner needs
// from another domain. Nothing connects itself when imported, so `app.ts` is the one place
// that says who reacts to what, and a need left unmet stops the app at start.
import type { Tx } from '../db/types.js';

export type Subscriber<E> = (db: Tx, event: E) => Promise<void> | void;
/** A subscriber that takes a whole batch at once (a checkout batch's placements). */
export type BatchSubscriber<E> = (db: Tx, events: E[]) => Promise<void> | void;

export class Topic<E> {
  private readonly subs: { by: string; fn: Subscriber<E>; many?: BatchSubscriber<E> }[] = [];
  constructor(readonly name: string) {}

  /** Connects a subscriber; `by` names the subscribing domain for `describeWiring`. */
  subscribe(by: string, fn: Subscriber<E>, many?: BatchSubscriber<E>): void {
    if (this.subs.some((s) => s.by === by))
      throw new Error(`${by} subscribed to ${this.name} twice`);
    this.subs.push({ by, fn, many });
  }

  /** Runs every subscriber in order with the publisher's transaction (or database). */
  async publish(db: Tx, event: E): Promise<void> {
    for (const s of this.subs) await s.fn(db, event);
  }

  /**
   * Publishes events made together (a checkout batch): each subscriber in order gets them all,
   * at once when it takes batches (one read for a hundred orders), else one by one in order.
   */
  async publishMany(db: Tx, events: E[]): Promise<void> {
    if (events.length === 0) return;
    for (const s of this.subs) {
      if (s.many) await s.many(db, events);
      else for (const e of events) await s.fn(db, e);
    }
  }

  get subscribers(): string[] {
    return this.subs.map((s) => s.by);
  }
}

export class Port<T> {
  private impl: T | undefined;
  private by: string | undefined;
  /** `fallback` is what the owner does alone (e.g. a flat shipping table); without one the need is required. */
  constructor(
    readonly name: string,
    private readonly fallback?: T,
  ) {}

  connect(by: string, impl: T): void {
    if (this.by !== undefined && this.by !== by)
      throw new Error(`port ${this.name} already connected to ${this.by}`);
    this.impl = impl;
    this.by = by;
  }

  get required(): boolean {
    return this.fallback === undefined;
  }

  get connectedTo(): string | undefined {
    return this.by;
  }

  /**
   * Runs `fn` with `double` standing in for the connected implementation, then puts the
   * connection back: the one way a test replaces a port, scoped to the code it tests.
   */
  async withDouble<R>(double: T, fn: () => Promise<R>): Promise<R> {
    const saved = this.impl;
    this.impl = double;
    try {
      return await fn();
    } finally {
      this.impl = saved;
    }
  }

  /** The connected implementation, else the fallback; a required port left unmet throws. */
  get(): T {
    if (this.impl !== undefined) return this.impl;
    if (this.fallback !== undefined) return this.fallback;
    throw new Error(`port ${this.name} is not connected`);
  }
}

/** A manifest's declared reaction to another domain's topic. */
export interface Subscription<E> {
  topic: Topic<E>;
  run: Subscriber<E>;
  runMany?: BatchSubscriber<E>;
}
/** Declares (typed) that the domain reacts to `topic` with `run`; the installer connects it. */
export const on = <E>(topic: Topic<E>, run: Subscriber<E>): Subscription<E> => ({ topic, run });
/** Like `on`, for a reaction written for batches; a single event is a batch of one. */
export const onMany = <E>(topic: Topic<E>, runMany: BatchSubscriber<E>): Subscription<E> => ({
  topic,
  run: (db, e) => runMany(db, [e]),
  runMany,
});

/** A manifest's declared implementation of another domain's port. */
export interface Provision<T> {
  port: Port<T>;
  impl: T;
}
/** Declares (typed) that the domain provides `impl` for `port`; the installer connects it. */
export const provide = <T>(port: Port<T>, impl: T): Provision<T> => ({ port, impl });
