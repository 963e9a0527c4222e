import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIAGRAMS_FILE, README_FILE, diagramsMarkdown, readmeWithDiagrams } from "../../scripts/diagrams.ts";

describe("docs/diagrams.md", () => {
  it("is up to date with the machine definitions (run `npm run diagrams`)", () => {
    expect(readFileSync(DIAGRAMS_FILE, "utf8")).toBe(diagramsMarkdown());
  });
  it("shows the same diagrams in the README (run `npm run diagrams`)", () => {
    const readme = readFileSync(README_FILE, "utf8");
    expect(readme).toBe(readmeWithDiagrams(readme));
    expect(readme).toContain("```mermaid");
  });
  it("names guards and actions, never anonymous functions", () => {
    const md = diagramsMarkdown();
    expect(md).toContain("isMissing(insured)");
    expect(md).toContain("storeAnswer");
    expect(md).not.toMatch(/anonymous|\bfn\b/);
  });
});
