/**
 * How to register (备案) for one person: where, with what, the online steps, how long the review
 * takes, how to see the result, how long it is valid and whether it can be changed; and, first,
 * whether a registration is needed at all (same 统筹区, free zone). Returns cited data; the
 * conversation words it (src/messages).
 */
import type { PolicyBook } from "./book.ts";
import { excludedFrom, type Excluded } from "./excluded.ts";
import { ownVersion } from "./own-version.ts";
import { directSettlement, type DirectSettlement } from "./direct.ts";
import { nationalFact, type CitedText } from "./facts.ts";
import type { SourceRef } from "./scenario.ts";
import type { RegistrationChannel } from "./schema.ts";
import { termOf, visitorOf, type Category, type Scheme, type Term } from "./terms.ts";

export interface RegistrationGuide {
  /** The insured place does not let this person file the category asked (杭州: 少年儿童, no 长住外地备案). */
  excluded?: Excluded;
  /** Whether registering is needed (no: same 统筹区 or a free zone). */
  direct: DirectSettlement & { zoneSchemes?: Scheme[] };
  channels: {
    /** The region's own channels beyond the national app and mini program (possibly none), when the data lists channels. */
    region?: { items: string[]; source: SourceRef };
    /** False when the region's data lists no channels at all. */
    regionKnown: boolean;
    /** The region's list names a counter (窗口) already. */
    counterListed: boolean;
    /** Referrals: the hospital issues the proof first. */
    referral?: CitedText;
  };
  materials: {
    category?: { name: string; items: string[]; source: SourceRef };
    region?: { items: string[]; source: SourceRef };
    /** Long-term kinds: the commitment letter instead of proofs. */
    commitment?: CitedText | "unknown";
  };
  steps?: { items: string[]; source: SourceRef };
  review?: CitedText;
  check?: CitedText;
  validity: {
    category?: { text: string; source: SourceRef };
    region?: { text: string; source: SourceRef };
    /** The change and cancel rule for the person's term (both when not known); left out when the category's validity says it already. */
    change?: CitedText | "unknown";
  };
  term?: Term;
}

export interface RegistrationQuery {
  insured?: string | undefined;
  treatment?: string | undefined;
  category?: Category | undefined;
  scheme?: Scheme | undefined;
  /** The patient's age, when said: some places do not let children file a long-term category (杭州). */
  age?: number | undefined;
  date: string;
}

const channelName = (c: RegistrationChannel) => (typeof c === "string" ? c : c.name);
const channelKind = (c: RegistrationChannel) => (typeof c === "string" ? "region" : c.kind);

export function registrationGuide(book: PolicyBook, q: RegistrationQuery): RegistrationGuide {
  const rv = ownVersion(book, q.insured, q.scheme, q.date);
  const reg = rv?.version.registration;
  const regSource = reg && rv ? book.sourceRef(rv.policy, reg.source, reg.quote) : undefined;
  const cat = q.category ? book.national.categories.find((c) => c.id === q.category) : undefined;
  const term = cat?.term ?? (q.category ? termOf(q.category) : undefined);
  const direct: RegistrationGuide["direct"] =
    q.insured && q.treatment
      ? directSettlement(book, { insured: q.insured, treatment: q.treatment, scheme: q.scheme, date: q.date, ...(q.category ? { visitor: visitorOf(q.category) } : {}) })
      : { possible: false, mustRegister: true, payFirst: true, reason: "unregistered" };

  const own = reg?.channels?.filter((c) => channelKind(c) !== "national").map(channelName) ?? [];
  const referral = q.category === "referral" ? nationalFact(book, "referral_needs_hospital") : undefined;
  const channels: RegistrationGuide["channels"] = {
    regionKnown: !!reg?.channels?.length,
    counterListed: !!reg?.channels?.some((c) => channelKind(c) === "counter"),
    ...(reg?.channels?.length && regSource ? { region: { items: own, source: regSource } } : {}),
    ...(referral ? { referral } : {}),
  };

  const regionMaterials = q.category ? reg?.materials?.[q.category] : undefined;
  const materials: RegistrationGuide["materials"] = {
    ...(cat ? { category: { name: cat.name, items: cat.materials, source: book.sourceRef(null, cat.source, cat.quote) } } : {}),
    ...(regionMaterials?.length && regSource ? { region: { items: regionMaterials, source: regSource } } : {}),
    ...(term === "long" ? { commitment: nationalFact(book, "commitment_letter") ?? "unknown" } : {}),
  };

  const rs = book.national.registrationSteps;
  const regionValidity = q.category ? reg?.validity?.[q.category] : undefined;
  const changeKey = term === "long" ? "change_cancel_long" : term === "temporary" ? "change_cancel_temporary" : "change_cancel";
  // A temporary category's validity line already says it can be cancelled at any time.
  const changeSaid = term === "temporary" && !!cat?.cancelAnyTime;
  const review = nationalFact(book, "review_time");
  const check = nationalFact(book, "check_result");
  const excluded = excludedFrom(book, q);
  return {
    ...(excluded ? { excluded } : {}),
    direct,
    channels,
    materials,
    steps: { items: rs.steps, source: book.sourceRef(null, rs.source, rs.quote) },
    ...(review ? { review } : {}),
    ...(check ? { check } : {}),
    validity: {
      ...(cat ? { category: { text: cat.validity, source: book.sourceRef(null, cat.source, cat.quote) } } : {}),
      ...(regionValidity && regSource ? { region: { text: regionValidity, source: regSource } } : {}),
      ...(changeSaid ? {} : { change: nationalFact(book, changeKey) ?? "unknown" }),
    },
    ...(term ? { term } : {}),
  };
}
