/**
 * An estimate as readable Chinese text, shared by the CLI and any channel that wants the
 * full breakdown. Channels with little room can use `estimateSummary` instead.
 */
import type { SourceRef } from "../policy/scenario.ts";
import type { ExplainedEstimate as Estimate } from "./explain.ts";
import { publishedText } from "./policy.ts";

const SCHEME = { employee: "职工医保", resident: "城乡居民医保" } as const;
const CONFIDENCE = { high: "可信度高", medium: "可信度中", low: "可信度低" } as const;

export function sourceLabel(source: SourceRef): string {
  const who = source.issuer ? `${source.issuer}，` : "";
  const date = source.published === "unknown" ? `发布日期不明${source.dateNote ? `（${source.dateNote}）` : ""}` : `${publishedText(source.published)}发布`;
  return `${who}${source.title}，${date}，${CONFIDENCE[source.confidence]}`;
}

export function estimateSummary(e: Estimate): string {
  const head = e.policy.typical ? "典型估算（非当地政策）" : `${e.policy.regionName}${SCHEME[e.policy.scheme]}`;
  const extra = e.seriousIllnessPays === "0.00" ? "" : `\n大病保险等支付：${e.seriousIllnessPays} 元`;
  return `${head}\n总费用：${e.total} 元\n统筹基金支付：${e.fundPays} 元${extra}\n个人负担：${e.youPay} 元`;
}

export function formatEstimate(e: Estimate): string {
  const lines: string[] = [];
  const version = `${e.policy.version} 版，${e.policy.from} 起${e.policy.to ? `至 ${e.policy.to}` : ""}`;
  lines.push(`报销估算 · ${e.policy.typical ? "典型模板" : e.policy.regionName} ${SCHEME[e.policy.scheme]}（${version}）`);
  lines.push(estimateSummary(e));
  lines.push(`直接结算：${e.directSettlement.possible ? "可以" : "不能"}。${e.directSettlement.reason}`);
  lines.push("", "计算过程：");
  e.steps.forEach((step, i) => {
    const amount = step.amount === null ? "" : `：${step.amount} 元`;
    lines.push(`${i + 1}. ${step.what}${amount}`);
    lines.push(`   依据：${step.rule}`);
    lines.push(`   来源：${sourceLabel(step.source)}${step.source.url ? ` ${step.source.url}` : ""}`);
  });
  if (e.assumptions.length > 0) {
    lines.push("", "假设：");
    for (const a of e.assumptions) lines.push(`· ${a}`);
  }
  if (e.warnings.length > 0) {
    lines.push("", "提醒：");
    for (const w of e.warnings) lines.push(`· ${w}`);
  }
  lines.push("", "以上为估算，实际以医保经办机构结算为准。");
  return lines.join("\n");
}
