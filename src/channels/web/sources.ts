/**
 * A source's link by the title the replies name it with, from the policy data (national and
 * every region's sources). Only http(s) links are given out.
 */
import { getPolicyBook } from "../../conversation/policy-book.ts";

let byTitle: Map<string, string> | undefined;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  try {
    const book = getPolicyBook();
    const all = [book.national.sources, book.typical.sources, ...[...book.regions.values()].map((r) => r.sources)];
    for (const sources of all) {
      for (const s of Object.values(sources ?? {})) {
        if (s.url && /^https?:\/\//.test(s.url) && !map.has(s.title)) map.set(s.title, s.url);
      }
    }
  } catch {
    // No policy data: sources stay plain text.
  }
  return map;
}

export function sourceUrl(title: string): string | undefined {
  return (byTitle ??= build()).get(title);
}
