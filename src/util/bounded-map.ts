/**
 * A map that keeps at most `limit` entries and forgets the oldest first: for what a process
 * keeps at hand of recent sessions, chats and drawings (things it can always work out or read
 * again), so that memory stays bounded however many come by. "Oldest" is in the order of
 * insertion (a Map keeps it); `refresh` moves an entry to the newest end, for a map where the
 * entry last written is the one most likely needed again.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError("a bounded map keeps at least one entry");
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Sets the value in the key's place (a key already there keeps its age); a new key when full pushes out the oldest. */
  set(key: K, value: V): this {
    if (this.map.size >= this.limit && !this.map.has(key)) this.dropOldest();
    this.map.set(key, value);
    return this;
  }

  /** Sets the value as the newest entry, wherever the key was before. */
  refresh(key: K, value: V): this {
    this.map.delete(key);
    return this.set(key, value);
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  /** Oldest first. */
  entries(): IterableIterator<[K, V]> {
    return this.map.entries();
  }

  private dropOldest(): void {
    const oldest = this.map.keys().next();
    if (!oldest.done) this.map.delete(oldest.value);
  }
}
