/**
 * Direct settlement and eligibility, decided in src/policy (direct.ts, eligibility.ts). Each
 * case is traced to ../shared/policy-facts.md (section or table row in the test's name).
 */
import { describe, expect, it } from "vitest";
import { getPolicyBook } from "../../src/policy/book.ts";
import { decideDirectSettlement, directSettlement } from "../../src/policy/direct.ts";
import { eligibility } from "../../src/policy/eligibility.ts";
import { evaluate } from "../../src/conversation/policy-book.ts";

const book = getPolicyBook();
const DATE = "2026-03-01";
const SHIJIAZHUANG = "130100";
const BEIJING = "110000";
const SHANGHAI = "310000";
const SUZHOU = "320500";
const NANCHANG = "360100";
const CHENGDU = "510100";

describe("decideDirectSettlement (pure)", () => {
  it("the home 统筹区 settles as at home, whatever the visitor kind", () => {
    expect(decideDirectSettlement({ jurisdiction: "same_pool", visitor: "unregistered" })).toMatchObject({ possible: true, mustRegister: false, payFirst: false, reason: "same_pool" });
  });
  it("not registered, outside a free zone: pay in full first (§1.5 / S1)", () => {
    expect(decideDirectSettlement({ jurisdiction: "cross_province", visitor: "unregistered" })).toMatchObject({ possible: false, mustRegister: true, payFirst: true, reason: "unregistered" });
  });
  it("an emergency counts as registered: 视同已备案 (§1.5, QH)", () => {
    expect(decideDirectSettlement({ jurisdiction: "cross_province", visitor: "emergency" })).toMatchObject({ possible: true, mustRegister: false, reason: "emergency" });
  });
  it("a registered visitor settles directly, after registering", () => {
    expect(decideDirectSettlement({ jurisdiction: "intra_province", visitor: "referral" })).toMatchObject({ possible: true, mustRegister: true, reason: "registered" });
  });
  it("childbirth is never settled as ordinary inpatient care (§1.13 成都: 一定不能通过普通住院的方式直接结算)", () => {
    expect(decideDirectSettlement({ jurisdiction: "cross_province", visitor: "long_term", maternity: true })).toMatchObject({ possible: false, payFirst: true, reason: "maternity" });
  });
  it("a free zone needs no registration; a zone that pays nothing settles nothing", () => {
    expect(decideDirectSettlement({ jurisdiction: "cross_province", visitor: "unregistered", zoneRule: { kind: "same" } })).toMatchObject({ possible: true, mustRegister: false, reason: "free_zone" });
    expect(decideDirectSettlement({ jurisdiction: "cross_province", visitor: "unregistered", zoneRule: { kind: "not_covered" } })).toMatchObject({ possible: false, reason: "not_covered" });
  });
});

describe("directSettlement (with the policy data)", () => {
  it("石家庄 → 北京: 京津冀 免备案直接结算 since 2023-02-10, both schemes (§ 京津冀 row, M2)", () => {
    for (const scheme of ["employee", "resident"] as const) {
      const d = directSettlement(book, { insured: SHIJIAZHUANG, treatment: BEIJING, scheme, date: DATE });
      expect(d).toMatchObject({ possible: true, mustRegister: false, reason: "free_zone" });
      expect(d.zone?.rule).toEqual({ kind: "same" });
      expect(d.zone?.source?.id).toBe("M2");
    }
    // Scheme not known yet: both schemes have the zone, so it decides.
    expect(directSettlement(book, { insured: SHIJIAZHUANG, treatment: BEIJING, date: DATE }).reason).toBe("free_zone");
  });
  it("邯郸 (no file of its own) → 北京 or 天津: the province's 京津冀 zone covers every 河北 统筹区 (北京、天津 pages, B-)", () => {
    const HANDAN = "130400";
    for (const treatment of [BEIJING, "120000"]) {
      for (const scheme of ["employee", "resident"] as const) {
        const d = directSettlement(book, { insured: HANDAN, treatment, scheme, date: DATE });
        expect(d).toMatchObject({ possible: true, mustRegister: false, reason: "free_zone" });
        expect(d.zone?.rule).toEqual({ kind: "same" });
        expect(d.zone?.source?.title).toContain("京津冀");
      }
    }
    // Outside the zone a 河北 city still registers, and before the zone began so did 邯郸 → 北京.
    expect(directSettlement(book, { insured: HANDAN, treatment: SHANGHAI, scheme: "employee", date: DATE }).reason).not.toBe("free_zone");
    expect(directSettlement(book, { insured: HANDAN, treatment: BEIJING, scheme: "employee", date: "2023-03-01" }).reason).not.toBe("free_zone");
    const e = eligibility(book, { insured: HANDAN, treatment: BEIJING, category: "temporary_other", date: DATE });
    expect(e.cutCeiling).toBeUndefined();
  });
  it("before the zone began (2023-02-10) the same trip needs a registration", () => {
    const d = directSettlement(book, { insured: SHIJIAZHUANG, treatment: BEIJING, scheme: "employee", date: "2023-01-15" });
    expect(d.reason).not.toBe("free_zone");
  });
  it("苏州 → 上海: no registration, 80% of the normal ratio (S4)", () => {
    const d = directSettlement(book, { insured: SUZHOU, treatment: SHANGHAI, scheme: "employee", date: DATE });
    expect(d).toMatchObject({ possible: true, mustRegister: false, reason: "free_zone" });
    expect(d.zone?.rule).toEqual({ kind: "multiplier", factor: 0.8 });
  });
  it("成都 → 重庆: 西南片区 免备案 (§2.10, M8)", () => {
    expect(directSettlement(book, { insured: CHENGDU, treatment: "500000", scheme: "employee", date: DATE }).reason).toBe("free_zone");
  });
  it("南昌 → 上海 without a registration: pay first; registered as a referral: settle directly", () => {
    const d = directSettlement(book, { insured: NANCHANG, treatment: SHANGHAI, date: DATE });
    expect(d).toMatchObject({ possible: false, mustRegister: true, payFirst: true, reason: "unregistered" });
    expect(d.source?.id).toBe("S1");
    expect(directSettlement(book, { insured: NANCHANG, treatment: SHANGHAI, visitor: "referral", date: DATE })).toMatchObject({ possible: true, mustRegister: true, reason: "registered" });
  });
  it("the evaluator gives the same decision, with its words", () => {
    const e = evaluate({ insured: { region: "石家庄", scheme: "employee" }, treatment: { region: "北京", setting: "inpatient", hospitalLevel: 3, date: DATE }, visitor: "unregistered", costs: { total: "10000" } }, book);
    if (!e.ok) throw new Error(JSON.stringify(e.errors));
    expect(e.estimate.directSettlement).toMatchObject({ possible: true, kind: "free_zone" });
    const u = evaluate({ insured: { region: "南昌", scheme: "employee" }, treatment: { region: "上海", setting: "inpatient", hospitalLevel: 3, date: DATE }, visitor: "unregistered", costs: { total: "10000" } }, book);
    if (!u.ok) throw new Error(JSON.stringify(u.errors));
    expect(u.estimate.directSettlement).toMatchObject({ possible: false, kind: "unregistered" });
  });
});

describe("eligibility", () => {
  it("same 统筹区: nothing to register, no category needed", () => {
    const e = eligibility(book, { insured: SHANGHAI, treatment: "310115", date: DATE });
    expect(e.jurisdiction).toBe("same_pool");
    expect(e.direct.reason).toBe("same_pool");
    expect(e.cutCeiling).toBeUndefined();
  });
  it("a temporary visitor outside a zone: the national ceiling of 20 points (§1.7, M11) and the place's own rule or 'none'", () => {
    const e = eligibility(book, { insured: NANCHANG, treatment: SHANGHAI, category: "temporary_other", date: DATE });
    expect(e.jurisdiction).toBe("cross_province");
    expect(e.visitor).toBe("temporary_other");
    expect(e.category).toMatchObject({ id: "temporary_other", term: "temporary" });
    expect(e.cutCeiling).toMatchObject({ points: 20 });
    expect(e.cutCeiling?.source.id).toBe("M11");
    expect(e.regionRule).toBeDefined();
    expect(e.direct).toMatchObject({ possible: true, mustRegister: true, reason: "registered" });
  });
  it("referral and emergency: ceiling 10 points; an emergency brings the 视同已备案 fact", () => {
    expect(eligibility(book, { insured: NANCHANG, treatment: SHANGHAI, category: "referral", date: DATE }).cutCeiling?.points).toBe(10);
    const em = eligibility(book, { insured: NANCHANG, treatment: SHANGHAI, category: "emergency", date: DATE });
    expect(em.cutCeiling?.points).toBe(10);
    expect(em.facts.map((f) => f.key)).toContain("emergency_as_registered");
    expect(em.direct).toMatchObject({ mustRegister: false, reason: "emergency" });
  });
  it("石家庄 → 北京 as a temporary visitor: the free zone decides, so no 20-point cut is announced (issue 11 §5)", () => {
    const e = eligibility(book, { insured: SHIJIAZHUANG, treatment: BEIJING, category: "temporary_other", date: DATE });
    expect(e.direct.reason).toBe("free_zone");
    expect(e.cutCeiling).toBeUndefined();
    expect(e.regionRule).toBeUndefined();
  });
  it("a long-term registration keeps the place's benefits both ways (JH two_way_benefits), no cut", () => {
    const e = eligibility(book, { insured: NANCHANG, treatment: SHANGHAI, category: "retiree_relocated", date: DATE });
    expect(e.visitor).toBe("long_term");
    expect(e.category?.term).toBe("long");
    expect(e.facts.map((f) => f.key)).toEqual(["two_way_benefits"]);
    expect(e.cutCeiling).toBeUndefined();
  });
  it("a region's own visitor rule is found with its source (苏州 temporary visitors)", () => {
    const e = eligibility(book, { insured: SUZHOU, treatment: "110000", category: "temporary_other", date: DATE });
    expect(e.regionRule).not.toBe("none");
    if (e.regionRule && e.regionRule !== "none") expect(e.regionRule.source.title.length).toBeGreaterThan(0);
  });
});

describe("facts keyed once", () => {
  it("every side topic the conversation can raise has its fact, with a source", async () => {
    const { FACT_TOPICS, factForTopic } = await import("../../src/policy/facts.ts");
    expect(FACT_TOPICS.length).toBeGreaterThanOrEqual(16);
    for (const topic of FACT_TOPICS) {
      const f = factForTopic(book, topic);
      expect(f?.text, topic).toBeTruthy();
      expect(f?.source.title, topic).toBeTruthy();
    }
    // The language layer's side topics are fact topics.
    for (const topic of ["two_way", "commitment", "principle"] as const) expect(FACT_TOPICS).toContain(topic);
  });
  it("the long and temporary versions of validity are chosen by the kind of registration (JH)", async () => {
    const { factForTopic } = await import("../../src/policy/facts.ts");
    expect(factForTopic(book, "validity", "long")?.key).toBe("validity_long");
    expect(factForTopic(book, "validity", "temporary")?.key).toBe("validity_temporary");
    expect(factForTopic(book, "validity")?.key).toBe("validity");
  });
  it("no national fact is stored twice under two keys", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [key, f] of Object.entries(book.national.facts)) {
      const other = seen.get(f.text);
      if (other) twice.push(`${other} = ${key}`);
      seen.set(f.text, key);
    }
    expect(twice).toEqual([]);
  });
});

describe("claimChecklist", () => {
  it("the national list, chosen for the setting: 出院小结 for inpatients, 门诊病历 for outpatients (S1, S3; §1.11)", async () => {
    const { claimChecklist } = await import("../../src/policy/claim.ts");
    const inpatient = claimChecklist(book, { setting: "inpatient", date: DATE });
    expect(inpatient.materials).toContain("出院小结");
    expect(inpatient.materials).not.toContain("门诊病历");
    expect(inpatient.materials).not.toContain("转诊证明");
    expect(inpatient.materialsFrom).toMatchObject({ region: false });
    expect(inpatient.materialsFrom.source.id).toBe("S1");
    const outpatient = claimChecklist(book, { setting: "outpatient", date: DATE });
    expect(outpatient.materials).toContain("门诊病历");
    expect(outpatient.materials).not.toContain("出院小结");
    // The only national deadline (1 month) is counted from discharge: nothing for an outpatient bill.
    expect(outpatient.deadline).toBe("outpatient_unknown");
    expect(inpatient.deadline).toMatchObject({ region: false });
  });
  it("a referral gets the referral proof; an identity document is not asked twice", async () => {
    const { claimChecklist } = await import("../../src/policy/claim.ts");
    const r = claimChecklist(book, { setting: "inpatient", visitor: "referral", date: DATE });
    expect(r.materials).toContain("转诊证明");
    expect(r.addReferralProof).toBe(false);
    expect(r.hasIdentity).toBe(false);
  });
  it("a region's own list (沈阳 居民, 7.sy.claim-materials) replaces the national one and names its source", async () => {
    const { claimChecklist } = await import("../../src/policy/claim.ts");
    const c = claimChecklist(book, { insured: "210100", scheme: "resident", setting: "inpatient", date: DATE });
    expect(c.materialsFrom.region).toBe(true);
    expect(c.materials.some((x) => x.includes("住院病历"))).toBe(true);
    // 社会保障卡复印件 proves identity: only the bank account is added.
    expect(c.hasIdentity).toBe(true);
  });
  it("the reason adds its fact: 未备案 → 出院自费结算后补办备案 (M11); 生育 → maternity (M14)", async () => {
    const { claimChecklist } = await import("../../src/policy/claim.ts");
    expect(claimChecklist(book, { setting: "inpatient", why: "unregistered", date: DATE }).facts.map((f) => f.key)).toEqual(["makeup_after_discharge"]);
    expect(claimChecklist(book, { setting: "outpatient", why: "unregistered", date: DATE }).facts).toEqual([]);
    expect(claimChecklist(book, { why: "maternity", date: DATE }).facts[0]?.source.id).toBe("M14");
  });
});

describe("registrationGuide", () => {
  it("a long-term category: its national materials (QD23), the commitment letter (QD23b), the six online steps (G4), change rule for long-term (SC23)", async () => {
    const { registrationGuide } = await import("../../src/policy/registration.ts");
    const g = registrationGuide(book, { insured: NANCHANG, treatment: SHANGHAI, category: "long_term_resident", date: DATE });
    expect(g.term).toBe("long");
    expect(g.materials.category?.items).toContain("居住证，或个人承诺书");
    expect(g.materials.category?.source.id).toBe("QD23");
    expect(g.materials.commitment).toMatchObject({ key: "commitment_letter" });
    expect(g.steps?.items.length).toBe(6);
    expect(g.steps?.source.id).toBe("G4");
    expect(g.validity.change).toMatchObject({ key: "change_cancel_long" });
    // The guide decides for the category asked: a long-term resident settles directly once registered.
    expect(g.direct).toMatchObject({ mustRegister: true, reason: "registered" });
  });
  it("a temporary category whose validity already says 可随时取消: no second change line; no commitment letter", async () => {
    const { registrationGuide } = await import("../../src/policy/registration.ts");
    const g = registrationGuide(book, { insured: NANCHANG, treatment: SHANGHAI, category: "temporary_other", date: DATE });
    expect(g.validity.category?.text).toContain("可随时取消");
    expect(g.validity.change).toBeUndefined();
    expect(g.materials.commitment).toBeUndefined();
  });
  it("a referral: the hospital issues the proof first (S2 referral_needs_hospital)", async () => {
    const { registrationGuide } = await import("../../src/policy/registration.ts");
    expect(registrationGuide(book, { insured: NANCHANG, treatment: SHANGHAI, category: "referral", date: DATE }).channels.referral?.key).toBe("referral_needs_hospital");
  });
  it("石家庄 → 北京 needs no registration at all (京津冀 免备案, M2)", async () => {
    const { registrationGuide } = await import("../../src/policy/registration.ts");
    const g = registrationGuide(book, { insured: SHIJIAZHUANG, treatment: BEIJING, date: DATE });
    expect(g.direct).toMatchObject({ mustRegister: false, reason: "free_zone" });
  });
  it("the chat's registration answer for 石家庄 → 北京 says 免备案 first", async () => {
    const { runScript } = await import("../../src/channels/terminal.ts");
    const { MemoryStore } = await import("../../src/store/index.ts");
    const out: string[] = [];
    await runScript(["/register", "石家庄", "北京", "6", "全部清单"], (l) => out.push(l), { json: true, now: new Date(`${DATE}T08:00:00Z`), store: new MemoryStore() });
    const text = out.map((l) => (JSON.parse(l) as { replies: { text: string }[] }).replies.map((r) => r.text).join("\n")).join("\n");
    expect(text).toContain("石家庄医保到北京就医免备案");
  });
});
