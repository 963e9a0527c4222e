/**
 * Never a figure without its source (issue 11): the registration wording said when a national
 * fact cannot be read (review time, change and cancel) states no number of its own; the facts
 * that do give one are cited.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { getPolicyBook, nationalFact } from "../../src/policy/index.ts";

describe("fallback wording states no figure", () => {
  it.each(["reviewFallback", "changeFallback", "checkFallback"] as const)("%s has no number in it", (key) => {
    expect(m.registration[key]).not.toMatch(/[0-9０-９一二三四五六七八九十两]+ ?个(工作日|月)/u);
    expect(m.registration[key]).not.toMatch(/\d/);
  });

  it("the figures live in the cited national facts instead", () => {
    const book = getPolicyBook();
    const change = nationalFact(book, "change_cancel_long");
    expect(change?.text).toContain("6个月");
    expect(change?.source.title.length).toBeGreaterThan(0);
  });
});
