/**
 * What this process last wrote for each chat, by the exact string stored, so that the chat's
 * next turn reads it back without parsing and checking it again. One entry per chat (the string
 * it replaces is dropped), at most `max` chats, the longest unwritten dropped first. A string
 * not found here was written elsewhere (or changed in the store) and is checked as usual.
 */
export class WrittenStrings<T> {
  private readonly byString = new Map<string, T>();

  constructor(private readonly max: number) {}

  keep(stored: string, value: T, previous?: string | null): void {
    if (previous !== undefined && previous !== null) this.byString.delete(previous);
    this.byString.delete(stored); // kept again: now the newest
    this.byString.set(stored, value);
    if (this.byString.size > this.max) this.byString.delete(this.byString.keys().next().value!);
  }

  get(stored: string): T | undefined {
    return this.byString.get(stored);
  }

  has(stored: string): boolean {
    return this.byString.has(stored);
  }

  drop(stored: string): void {
    this.byString.delete(stored);
  }

  get size(): number {
    return this.byString.size;
  }
}
