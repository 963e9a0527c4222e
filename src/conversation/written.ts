/**
 * What this process last wrote for each chat, by the exact string stored, so that the chat's
 * next turn reads it back without parsing and checking it again. One entry per chat (the string
 * it replaces is dropped), at most `max` chats, the longest unwritten dropped first. A string
 * not found here was written elsewhere (or changed in the store) and is checked as usual.
 */
export class WrittenStrings<T> {
  /**
   * By string: what it holds, and how many chats it is the last string of. Two chats can write the
   * very same string (the same answers, at the same millisecond): one of them moving on must not
   * drop the string the other will read next, or that one is parsed and checked again.
   */
  private readonly byString = new Map<string, { value: T; chats: number }>();

  constructor(private readonly max: number) {}

  keep(stored: string, value: T, previous?: string | null): void {
    if (previous !== undefined && previous !== null) this.release(previous);
    const chats = (this.byString.get(stored)?.chats ?? 0) + 1;
    this.byString.delete(stored); // kept again: now the newest
    this.byString.set(stored, { value, chats });
    if (this.byString.size > this.max) this.byString.delete(this.byString.keys().next().value!);
  }

  /** One chat has moved on from `stored`: dropped once no chat's last string is it. */
  release(stored: string): void {
    const known = this.byString.get(stored);
    if (known !== undefined && --known.chats <= 0) this.byString.delete(stored);
  }

  get(stored: string): T | undefined {
    return this.byString.get(stored)?.value;
  }

  has(stored: string): boolean {
    return this.byString.has(stored);
  }

  /** Dropped whatever other chat wrote it too (a forgotten chat leaves nothing of it; the other reads it back in full). */
  drop(stored: string): void {
    this.byString.delete(stored);
  }

  get size(): number {
    return this.byString.size;
  }
}
