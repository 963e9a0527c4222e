/**
 * The claim and registration answers decide from structured fields of the policy files, not from
 * the wording of their items: change the field and the decision changes; leave the wording and
 * change nothing else, and it does not. A last block checks the data itself, so a newly copied
 * item that names an identity document, a referral proof, the national app or a counter is
 * marked as such.
 */
import { describe, expect, it } from "vitest";
import { createPolicyBook } from "../../src/policy/book.ts";
import { claimChecklist } from "../../src/policy/claim.ts";
import { loadPolicyFiles, type PolicyFiles } from "../../src/policy/load.ts";
import { registrationGuide } from "../../src/policy/registration.ts";
import type { ClaimMaterial, RegionPolicy, RegistrationChannel, SchemeVersion } from "../../src/policy/schema.ts";

const DATE = "2026-03-01";
const files = loadPolicyFiles();
const NANCHANG = "360100";
const SHENYANG = "210100";

/** A book from a copy of the repository's files, changed by `edit`. */
function bookWith(edit: (f: PolicyFiles) => void) {
  const copy = structuredClone(files);
  edit(copy);
  return createPolicyBook(copy);
}
const region = (f: PolicyFiles, code: string) => f.regions.find((r) => r.code === code)!;
const versionOn = (r: RegionPolicy, scheme: "employee" | "resident"): SchemeVersion =>
  r.schemes[scheme]!.versions.find((v) => v.from <= DATE && (v.to === null || DATE <= v.to))!;

describe("claimChecklist reads `proves` and `visitors`, not the item's words", () => {
  it("沈阳 居民: 社会保障卡复印件 proves identity because the data says so", () => {
    const q = { insured: SHENYANG, scheme: "resident" as const, setting: "inpatient" as const, date: DATE };
    expect(claimChecklist(createPolicyBook(files), q).hasIdentity).toBe(true);
    const unmarked = bookWith((f) => {
      const claim = versionOn(region(f, SHENYANG), "resident").manualClaim!;
      claim.materials = claim.materials!.map((m) => (typeof m === "string" ? m : m.item));
    });
    // Same words, no `proves`: an identity document is to be added.
    expect(claimChecklist(unmarked, q).hasIdentity).toBe(false);
  });

  it("南昌 职工: the referral proof is shown to a referral only, and counts as the proof, by its fields", () => {
    const base = { insured: NANCHANG, scheme: "employee" as const, setting: "inpatient" as const, date: DATE };
    const book = createPolicyBook(files);
    expect(claimChecklist(book, { ...base, visitor: "referral" })).toMatchObject({ addReferralProof: false });
    expect(claimChecklist(book, { ...base, visitor: "referral" }).materials).toContain("转诊证明（转诊的）");
    expect(claimChecklist(book, { ...base, visitor: "temporary_other" }).materials).not.toContain("转诊证明（转诊的）");
    const plain = bookWith((f) => {
      const claim = versionOn(region(f, NANCHANG), "employee").manualClaim!;
      claim.materials = claim.materials!.map((m) => (typeof m === "string" ? m : m.item));
    });
    // As a plain string the item is for everyone and proves nothing: a referral is told to add the proof.
    expect(claimChecklist(plain, { ...base, visitor: "temporary_other" }).materials).toContain("转诊证明（转诊的）");
    expect(claimChecklist(plain, { ...base, visitor: "referral" }).addReferralProof).toBe(true);
  });

  it("a made-up item marked as the referral proof is taken as one, whatever it is called", () => {
    const book = bookWith((f) => {
      const claim = versionOn(region(f, NANCHANG), "employee").manualClaim!;
      claim.materials = ["医疗费用发票", { item: "医院开的单子", visitors: ["referral"], proves: "referral" }];
    });
    const r = claimChecklist(book, { insured: NANCHANG, scheme: "employee", setting: "inpatient", visitor: "referral", date: DATE });
    expect(r.materials).toEqual(["医疗费用发票", "医院开的单子"]);
    expect(r.addReferralProof).toBe(false);
  });

  it("the national where and deadline are hedged unless `saysInsuredRulesDecide` names them", () => {
    const q = { setting: "inpatient" as const, date: DATE };
    const said = claimChecklist(createPolicyBook(files), q);
    expect(said.where).toMatchObject({ region: false, hedge: false });
    expect(said.deadline).toMatchObject({ region: false, hedge: false });
    const unsaid = claimChecklist(bookWith((f) => (f.national.manualClaim.saysInsuredRulesDecide = ["where"])), q);
    expect(unsaid.where).toMatchObject({ hedge: false });
    expect(unsaid.deadline).toMatchObject({ hedge: true });
  });
});

describe("registrationGuide reads channel `kind` and `cancelAnyTime`, not the words", () => {
  const q = { insured: NANCHANG, treatment: "上海", category: "temporary_other" as const, date: DATE };

  it("南昌: the national app is left out of the region's own channels, and the counter is known, by kind", () => {
    const g = registrationGuide(createPolicyBook(files), q);
    expect(g.channels.region?.items).toEqual(["江西智慧医保APP", "江西医保网上服务大厅", "支付宝", "参保地医保经办机构窗口"]);
    expect(g.channels.counterListed).toBe(true);
    const unkinded = bookWith((f) => {
      const reg = versionOn(region(f, NANCHANG), "employee").registration!;
      reg.channels = reg.channels!.map((c: RegistrationChannel) => (typeof c === "string" ? c : c.name));
    });
    const u = registrationGuide(unkinded, q);
    expect(u.channels.region?.items).toContain("国家医保服务平台APP");
    expect(u.channels.counterListed).toBe(false);
  });

  it("a temporary category gets the change-and-cancel line only when its validity does not say 可随时取消", () => {
    expect(registrationGuide(createPolicyBook(files), q).validity.change).toBeUndefined();
    const book = bookWith((f) => {
      const cat = f.national.categories.find((c) => c.id === "temporary_other")!;
      cat.cancelAnyTime = false;
    });
    expect(registrationGuide(book, q).validity.change).toMatchObject({ key: "change_cancel_temporary" });
  });
});

describe("the data marks what its wording names", () => {
  // These patterns read the data, in a test, to catch an item copied in without its field; the
  // code never reads the words.
  const IDENTITY = /身份证|社保卡|社会保障卡|市民卡|医保电子凭证/;
  const REFERRAL_PROOF = /转诊|转院/;
  const all = [...files.regions, ...files.provinces];
  const versions = all.flatMap((r) => Object.values(r.schemes).flatMap((s) => s!.versions.map((v) => ({ code: r.code, v }))));
  const claimLists: { where: string; list: ClaimMaterial[] }[] = [
    { where: "national", list: files.national.manualClaim.materials ?? [] },
    ...versions.filter(({ v }) => v.manualClaim?.materials).map(({ code, v }) => ({ where: `${code} ${v.version}`, list: v.manualClaim!.materials! })),
  ];

  it("a claim list that names an identity document marks one item `proves: identity`", () => {
    const unmarked = claimLists.filter(({ list }) => list.some((m) => IDENTITY.test(typeof m === "string" ? m : m.item)) && !list.some((m) => typeof m !== "string" && m.proves === "identity"));
    expect(unmarked.map((l) => l.where)).toEqual([]);
  });

  it("an item that is a referral proof is for referrals only and marked `proves: referral`", () => {
    // 《…转外、急诊登记表》 (杭州) registers 转外 and emergencies alike: not a referral proof.
    const items = claimLists.flatMap(({ where, list }) => list.map((m) => ({ where, m })));
    const loose = items.filter(({ m }) => REFERRAL_PROOF.test(typeof m === "string" ? m : m.item) && (typeof m === "string" || m.proves !== "referral" || !m.visitors?.includes("referral")));
    expect(loose.map(({ where, m }) => `${where}: ${typeof m === "string" ? m : m.item}`)).toEqual([]);
  });

  it("every channel that is the national app or a counter says so by `kind`", () => {
    const channels = versions.flatMap(({ code, v }) => (v.registration?.channels ?? []).map((c) => ({ code, c })));
    expect(channels.length).toBeGreaterThan(10);
    const loose = channels.filter(({ c }) => typeof c === "string" && /国家医保服务平台|国家异地就医备案|窗口/.test(c));
    expect(loose).toEqual([]);
  });

  it("a national category's `cancelAnyTime` agrees with its validity line", () => {
    for (const c of files.national.categories) expect(c.cancelAnyTime, c.id).toBe(/可随时(变更或)?取消/.test(c.validity));
  });
});
