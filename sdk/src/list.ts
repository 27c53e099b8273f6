import type { List } from './types.js';

type Cursor = { starting_after?: string; ending_before?: string };

/**
 * A page of a list, and the whole list: `await` it for one page, or `for await` it to walk every
 * item across pages (forward with `starting_after`, backward when `ending_before` was given).
 */
export class ListPromise<T extends { id: string }> implements PromiseLike<List<T>>, AsyncIterable<T> {
  private first: Promise<List<T>> | undefined;

  constructor(
    private readonly fetchPage: (cursor: Cursor) => Promise<List<T>>,
    private readonly cursor: Cursor,
  ) {}

  private firstPage() {
    this.first ??= this.fetchPage(this.cursor);
    return this.first;
  }

  then<A = List<T>, B = never>(
    onFulfilled?: ((page: List<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const backward = this.cursor.ending_before !== undefined && this.cursor.starting_after === undefined;
    let page = await this.firstPage();
    for (;;) {
      // Backward pages come newest first like any other: walk them from their end.
      const items = backward ? [...page.data].reverse() : page.data;
      yield* items;
      const edge = items.at(-1);
      if (!page.has_more || !edge) return;
      page = await this.fetchPage(backward ? { ending_before: edge.id } : { starting_after: edge.id });
    }
  }

  /** Every item, up to `limit` of them (a guard against loading a million orders by mistake). */
  async toArray({ limit }: { limit: number }): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) {
      if (items.length >= limit) break;
      items.push(item);
    }
    return items;
  }
}
