import type { Db } from "./db.js";
import type { JobHandler, Jobs, QueueOptions } from "./jobs.js";

/**
 * Domain events between modules, through a transactional outbox. The publisher writes the event in its own
 * transaction, as one job per subscriber (pg-boss's job table is the outbox); each subscriber's handler then runs
 * after the commit, in any process, retried until it succeeds. So an effect on another module is never lost to a
 * restart and never happens for a change that rolled back. Handlers must be idempotent: a crash after the handler
 * and before the job is marked done runs it again.
 *
 * An event carries ids and statuses, never personal data: the outbox is stored like any table. A module declares
 * the events it publishes (`defineEvent`) in its public index; a subscriber imports them from there.
 */

export type EventType<T extends object> = { readonly type: string; readonly _payload?: T };

export const defineEvent = <T extends object>(type: string): EventType<T> => ({ type });

export type Events = ReturnType<typeof createEvents>;

export function createEvents(jobs: Jobs) {
  const subscribers = new Map<string, { queue: string; wants: (payload: never) => boolean }[]>();
  const queueOf = (event: EventType<object>, subscriber: string) => `${event.type}.${subscriber}`;

  return {
    /**
     * `subscriber` names who reacts (`bundles`, `ratings`), so that each has its own queue, retries and failures;
     * `wants`, which events it reacts to at all (the others are never written for it).
     */
    subscribe<T extends object>(
      event: EventType<T>,
      subscriber: string,
      handler: JobHandler<T>,
      options: QueueOptions & { wants?: (payload: T) => boolean } = {},
    ): void {
      const { wants = () => true, ...queueOptions } = options;
      const queue = queueOf(event, subscriber);
      jobs.define(queue, handler, queueOptions);
      subscribers.set(event.type, [...(subscribers.get(event.type) ?? []), { queue, wants }]);
    },

    /** Writes the event for every subscriber that wants it, within the publisher's transaction. */
    async publish<T extends object>(tx: Db, event: EventType<T>, payload: T): Promise<void> {
      for (const { queue, wants } of subscribers.get(event.type) ?? []) {
        if ((wants as (payload: T) => boolean)(payload)) await jobs.send(tx, queue, payload);
      }
    },

    /** After the publisher's commit: the subscribers handle the event now instead of at their next poll. */
    committed(event: EventType<object>): void {
      for (const { queue } of subscribers.get(event.type) ?? []) jobs.wake(queue);
    },
  };
}
