/**
 * Traditional characters folded to simplified before reading (長沙職工 → 长沙职工, 備案 → 备案):
 * people in 港澳台 mirrors, or with a traditional input method, type them, and every table of
 * the parser is in simplified characters. Only characters with one simplified form are listed:
 * those of place names, of the words the parser reads, and common function words. A
 * character with several simplified readings (乾, 後 is fine, 髮/發 both 发) is safe here, as
 * each traditional one maps to one simplified one.
 */
const PAIRS =
  "長长職职醫医備备報报銷销費费萬万廣广東东陽阳門门診诊險险條条區区華华濟济寧宁蘇苏漢汉慶庆遼辽齊齐爾尔濱滨鄭郑貴贵蘭兰烏乌魯鲁" +
  "媽妈嗎吗爺爷們们個个這这為为麼么說说請请問问雙双衛卫顧顾讓让還还沒没錢钱塊块額额費费險险號号碼码證证單单據据書书網网辦办" +
  "機机構构門门診诊療疗藥药視视聯联結结員员賬账戶户帳账補补開开關关係系歲岁費费當当時时間间過过後后來来會会現现裡里裏里麼么" +
  "電电話话處处務务種种類类轉转臨临屬属異异準准則则應应給给從从對对與与並并進进選选項项認认劃划計计劑剂檢检驗验術术" +
  "護护師师婦妇嬰婴產产孕孕陸陆淨净觀观鄉乡鎮镇縣县級级廳厅紹绍興兴湯汤鄲郸張张嶽岳寶宝雞鸡淮淮鹽盐連连雲云蕪芜" +
  "贛赣潯浔閩闽廈厦漳漳龍龙巖岩莆莆寧宁陝陕鹹咸頭头廠厂灣湾澳澳崗岗鞍鞍撫抚遜逊綏绥黃黄岡冈隨随荊荆鄂鄂衡衡" +
  "韶韶湛湛茂茂梅梅汕汕揚扬鎮镇錫锡蘆芦滄沧邢邢衡衡豐丰臺台離离際际隴陇慮虑樂乐導导兒儿孫孙婆婆屆届";

const MAP = new Map<string, string>();
for (let k = 0; k + 1 < PAIRS.length; k += 2) {
  const from = PAIRS[k] as string;
  const to = PAIRS[k + 1] as string;
  if (from !== to) MAP.set(from, to);
}
const ANY = new RegExp(`[${[...MAP.keys()].join("")}]`, "gu");
const TEST = new RegExp(`[${[...MAP.keys()].join("")}]`, "u");

/** The text with the traditional characters above folded; the same string when it has none. */
export function toSimplified(text: string): string {
  return TEST.test(text) ? text.replace(ANY, (c) => MAP.get(c) ?? c) : text;
}
