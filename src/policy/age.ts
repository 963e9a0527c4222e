/**
 * How old a source is on the day of treatment. A page dated only by year or month counts from
 * the first day it can mean ("2024" → 2024-01-01): the estimate warns whenever a figure may be
 * older than the limit, never only when it certainly is.
 */
import type { PublishedDate } from "./schema.ts";

export type SourceAge = "current" | "old" | "unknown";

/** The earliest day a published value can mean; null for "unknown". */
export function earliestDay(published: PublishedDate | string): string | null {
  if (published === "unknown") return null;
  if (published.length === 4) return `${published}-01-01`;
  if (published.length === 7) return `${published}-01`;
  return published;
}

/** The day `months` before an ISO date, as a string that compares correctly with ISO dates. */
export function monthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}${date.slice(7)}`;
}

/** "old" when the source may be older than the limit on `onDate`, "unknown" when it has no date. */
/** `months`: national.yaml's `defaults.staleAfterMonths`. */
export function sourceAge(published: PublishedDate | string, onDate: string, months: number): SourceAge {
  const day = earliestDay(published);
  if (day === null) return "unknown";
  return day < monthsBefore(onDate, months) ? "old" : "current";
}
