/**
 * The writer's own facts beside the patient's: 我爸在老家住院 我在上海 (上海 is where the writer
 * lives, not where the care is), 我在北京上班 我妈在洛阳住院了 (the job is the writer's: it says
 * nothing of the mother's status nor of where she is insured). Read only when the message is
 * about someone else (我爸, 我妈, 他, 她…). Pure, never throws.
 */
import { namesOtherPerson } from "./changes.ts";

export interface Span { start: number; end: number }

/**
 * 我在上海, 我现在在北京上班, 我平时在深圳打工: the writer placed, to the end of the clause (not
 * 我爸在, 我妈在, 在我这; not 我在上海陪我妈看病, where the writer is with the patient).
 */
const WRITER_AT = /(?<![爸妈哥姐弟妹儿女婆公爷奶家伴])我(?:们|自己|本人|人)?(?:现在|目前|一直|平时|常年|长期)?在[^\s，,。；;!！?？]{1,14}/gu;
const WITH_THE_PATIENT = /住院|看病|就医|就诊|治疗|手术|医院|陪|照顾|这边|这里|这儿|家里/u;
/** Being a person of the family: 他, 她 with a fact of their own (他医保在, 她在老家). */
const THIRD_PERSON = /[他她](?:的)?(?:医保|社保|在|是|住|退|今年)/u;

/** The writer's own clauses (empty unless the message is about someone else). */
export function writerClauses(text: string): Span[] {
  if (typeof text !== "string" || !text.includes("我") || !(namesOtherPerson(text) || THIRD_PERSON.test(text))) return [];
  const out: Span[] = [];
  WRITER_AT.lastIndex = 0;
  for (let m = WRITER_AT.exec(text); m !== null; m = WRITER_AT.exec(text)) {
    if (WITH_THE_PATIENT.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  WRITER_IS.lastIndex = 0;
  for (let m = WRITER_IS.exec(text); m !== null; m = WRITER_IS.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The patient is at home for the care (在老家住院, 回老家看病, 在家乡治疗): not where the writer is. */
const PATIENT_AT_HOME = /(?:在|回)(?:老家|家乡|原籍|当地|那边|家里那边)[^，,。\s]{0,4}(?:住院|看病|就医|就诊|治疗|手术|看|住着院)/u;

export function patientAtHome(text: string): boolean {
  return typeof text === "string" && PATIENT_AT_HOME.test(text);
}

/** 我是大学老师, 我自己是护士: what the writer does, to the end of the clause. */
const WRITER_IS = /(?<![爸妈哥姐弟妹儿女婆公爷奶家伴])我(?:自己|本人)?(?:也)?(?:是|当|做|干)[^\s，,。；;!！?？]{1,10}/gu;

/** Work words inside the writer's clauses: the writer's job, not the patient's status. */
const WORK = /上班|工作|打工|务工|在职|上着班|干活|老师|教师|教授|护士|医生|大夫|工人|职员|员工|干部|会计|工程师|司机|柜员|文员|保安|厨师|警察|程序员/gu;

/** The text with the writer's work words blanked (same length), for the slot readers. */
export function withoutWritersWork(text: string, clauses: Span[]): string {
  let out = text;
  for (const c of clauses) {
    const part = out.slice(c.start, c.end).replace(WORK, (w) => "□".repeat(w.length));
    out = out.slice(0, c.start) + part + out.slice(c.end);
  }
  return out;
}
