/** The bill picture: parts that add up to the bill, the SVG drawn from them, its PNG, and the PNG in Telegram. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { evaluate } from "../../src/conversation/policy-book.ts";
import { billOf, type Bill } from "../../src/policy/bill.ts";
import { billAlt, billSvg, PART_COLOURS } from "../../src/channels/web/bill-svg.ts";
import { billPng } from "../../src/channels/web/bill-png.ts";
import { esc } from "../../src/channels/web/escape.ts";
import { entriesHtml } from "../../src/channels/web/render.ts";
import { webMessages as m } from "../../src/messages/web.ts";
import { MemoryStore } from "../../src/store/index.ts";
import { startHarness } from "../bot/harness.ts";

const scenario = (o: { total: string; classB?: string; outOfCatalog?: string; visitor?: string; treatment?: string; setting?: string }) => ({
  insured: { region: "苏州", scheme: "employee", status: "working" },
  treatment: { region: o.treatment ?? "上海", setting: o.setting ?? "inpatient", hospitalLevel: 3, date: "2026-03-01" },
  visitor: o.visitor ?? "temporary_other",
  costs: { total: o.total, ...(o.classB ? { classB: o.classB } : {}), ...(o.outOfCatalog ? { outOfCatalog: o.outOfCatalog } : {}) },
});

function estimateBill(s: ReturnType<typeof scenario>) {
  const r = evaluate(s);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { e: r.estimate, bill: billOf(r.estimate) };
}

const sum = (bill: Bill, own?: boolean) => bill.parts.filter((p) => own === undefined || p.own === own).reduce((a, p) => a.plus(p.amount), new Decimal(0));

describe("billOf", () => {
  it("splits a worked bill into fund, 自费, 乙类先付, deductible and the rest of the person's share", () => {
    const { e, bill } = estimateBill(scenario({ total: "30000", classB: "8000", outOfCatalog: "2000" }));
    const kinds = bill.parts.map((p) => p.kind);
    expect(kinds[0]).toBe("fund");
    expect(kinds).toEqual(expect.arrayContaining(["outOfCatalog", "classB", "deductible", "share"]));
    expect(bill.parts.find((p) => p.kind === "fund")!.amount).toBe(e.fundPays);
    expect(bill.parts.find((p) => p.kind === "outOfCatalog")!.amount).toBe("2000.00");
    expect(sum(bill, true).toFixed(2)).toBe(e.youPay);
  });

  it("for any bill, the parts add up to the total to the fen, the person's parts to what they pay, none negative or zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.nat({ max: 100 }),
        fc.nat({ max: 100 }),
        fc.constantFrom("long_term", "referral", "emergency", "temporary_other", "unregistered"),
        fc.constantFrom("上海", "苏州", "南京", "北京"),
        fc.constantFrom("inpatient", "outpatient"),
        (fen, b, o, visitor, treatment, setting) => {
          const total = new Decimal(fen).div(100);
          const classB = total.mul(b).div(200).toDecimalPlaces(2, Decimal.ROUND_DOWN);
          const out = total.mul(o).div(200).toDecimalPlaces(2, Decimal.ROUND_DOWN);
          const r = evaluate(scenario({ total: total.toFixed(2), classB: classB.toFixed(2), outOfCatalog: out.toFixed(2), visitor, treatment, setting }));
          if (!r.ok) return true;
          const bill = billOf(r.estimate);
          expect(sum(bill).toFixed(2)).toBe(new Decimal(r.estimate.total).toFixed(2));
          expect(sum(bill, true).toFixed(2)).toBe(new Decimal(r.estimate.youPay).toFixed(2));
          for (const p of bill.parts) expect(new Decimal(p.amount).greaterThan(0)).toBe(true);
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("billSvg", () => {
  const bill: Bill = {
    total: "30000.00",
    parts: [
      { kind: "fund", amount: "21024.00", own: false },
      { kind: "deductible", amount: "800.00", own: true },
      { kind: "share", amount: "8176.00", own: true },
    ],
  };

  it("draws one bar segment per part, widths in proportion, and a legend with every amount", () => {
    const svg = billSvg(bill);
    const segments = [...svg.matchAll(/<rect x="([\d.]+)" y="38" width="([\d.]+)" height="30" fill="(#[0-9a-f]{6})"/g)];
    expect(segments.map((s) => s[3])).toEqual([PART_COLOURS.fund, PART_COLOURS.deductible, PART_COLOURS.share]);
    const widths = segments.map((s) => Number(s[2]));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(320);
    expect(widths[0]! / 320).toBeCloseTo(21024 / 30000, 1);
    for (const p of bill.parts) {
      expect(svg).toContain(`>${m.bill.parts[p.kind]}<`);
      expect(svg).toContain(`>${m.bill.amount(p.amount)}<`);
    }
    expect(svg).toContain(m.bill.total("30000.00"));
  });

  it("is an image named by its text alternative, which gives every part and amount in words", () => {
    const svg = billSvg(bill, { id: "b7" });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="b7-t"/);
    const alt = billAlt(bill);
    expect(svg).toContain(`<title id="b7-t">${alt}</title>`);
    expect(alt).toBe("费用构成：总费用 30000 元，其中医保基金支付 21024 元，起付线（自付） 800 元，按比例自付 8176 元。");
  });

  it("on the page: the bar alone in the picture, still named by the whole text alternative; total and legend beside it as text", () => {
    const svg = billSvg(bill, { id: "b2", legend: false });
    expect(svg).not.toContain("<text");
    expect(svg).toContain(`<title id="b2-t">${billAlt(bill)}</title>`);
    expect(svg).toMatch(/viewBox="0 0 340 30"/);
    const html = entriesHtml([{ who: "bot", text: "估算如下", bill }], 2);
    const legend = /<ul class="legend" aria-hidden="true">([\s\S]*?)<\/ul>/.exec(html)![1]!;
    for (const p of bill.parts) expect(legend).toMatch(new RegExp(`<span><svg [^]*?</svg>${m.bill.parts[p.kind].replace(/[()（）]/g, ".")}</span><span class="amt">${m.bill.amount(p.amount)}</span>`));
    expect(legend).toContain(`fill="${PART_COLOURS.fund}"`);
    expect(html).toContain(`<p class="bill-total" aria-hidden="true">${m.bill.total("30000.00")}</p>`);
  });

  it("a part too small to see still gets a visible sliver", () => {
    const svg = billSvg({ total: "100000.00", parts: [{ kind: "fund", amount: "99999.99", own: false }, { kind: "share", amount: "0.01", own: true }] });
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="38" width="([\d.]+)"/g)].map((s) => Number(s[1]));
    expect(widths[1]).toBeGreaterThanOrEqual(3);
  });
});

describe("the picture on the page", () => {
  it("the same bill at two places of a transcript is the same drawing, each named by its own id", () => {
    const bill = estimateBill(scenario({ total: "30000", classB: "8000", outOfCatalog: "2000" })).bill;
    const entry = { who: "bot" as const, text: "估算如下", bill };
    const html = entriesHtml([entry, { who: "me", text: "再算一次" }, entry], 4);
    const svgs = [...html.matchAll(/<svg [^>]*role="img"[\s\S]*?<\/svg>/g)].map((x) => x[0]);
    expect(svgs).toHaveLength(2);
    expect(svgs[0]).toBe(billSvg(bill, { id: "bill4", legend: false }));
    expect(svgs[1]).toBe(billSvg(bill, { id: "bill6", legend: false }));
    // A different bill is drawn from its own amounts, not taken from the one drawn before.
    const other = estimateBill(scenario({ total: "50000" })).bill;
    expect(entriesHtml([{ who: "bot", text: "估算如下", bill: other }], 4)).toContain(billSvg(other, { id: "bill4", legend: false }));
  });

  it("what a person or a policy file wrote is escaped, the rest is given back as it is", () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(esc("住院花了3万")).toBe("住院花了3万");
    expect(entriesHtml([{ who: "me", text: "<script>alert(1)</script>" }])).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("billPng", () => {
  it("renders the picture as a PNG at twice the drawing's size", async () => {
    const png = await billPng({ total: "30000.00", parts: [{ kind: "fund", amount: "21024.00", own: false }, { kind: "share", amount: "8976.00", own: true }] });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(680);
  });
});

describe("the picture in Telegram", () => {
  it("an estimate is followed by its bill as a photo, captioned with the text alternative", async () => {
    const h = await startHarness({ store: new MemoryStore() });
    try {
      await h.text(31, "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少");
      const photos = h.tg.callsOf("sendPhoto", 31);
      expect(photos).toHaveLength(1);
      const params = photos[0]!.params;
      const file = Object.values(params).find((v: any) => v && typeof v === "object" && Buffer.isBuffer(v.bytes)) as { bytes: Buffer } | undefined;
      expect(file!.bytes.subarray(1, 4).toString()).toBe("PNG");
      expect(String(params.caption)).toMatch(/^费用构成：总费用 30000 元，其中医保基金支付 [\d.]+ 元/);
      // The picture comes after the estimate's text and before the question that follows it.
      const order = h.tg.calls.filter((c) => Number(c.params.chat_id) === 31 && (c.method === "sendMessage" || c.method === "sendPhoto")).map((c) => c.method);
      const at = order.indexOf("sendPhoto");
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThan(order.length - 1);
    } finally {
      await h.stop();
    }
  }, 60_000);
});
