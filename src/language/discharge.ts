/**
 * Whether the stay is already over (已经出院了, 出院半个月了, 上个月住的院 全自费的): making up the
 * registration before discharge is then no longer possible, and the answer must give the way
 * still open (make it up, then claim by hand at home).
 */
import { DISCHARGED } from "./topics.ts";

/** Paid in full at the hospital, or a stay in the past: the bill is settled. */
/** A stay said in the past tense (上周住的院, 去年住了院) is over; 上周住院了 may well be still going on. */
const SETTLED = /全(额|部)?自费(结算)?(的|了)|全(额|部)?(自己)?(垫付|自付|付)了|(去年|前年)[^，。,]{0,8}住(了|过)?(院|的院)|(上个?月|上周|上礼拜|上星期|前几天|前段时间|前阵子)[^，。,]{0,8}住(过|的)院/u;
/** Still there: 还在医院, 还没出院. */
const STILL_IN = /还在(医院|住院)|(还)?没(有)?出院|未出院|住着院|正在住院/u;

export function saysDischarged(text: string): boolean {
  return !STILL_IN.test(text) && (DISCHARGED.test(text) || SETTLED.test(text));
}
