/**
 * Side topics inside an intent: questions whose answer is one national rule, not a flow.
 * They do not change the intent (备案以后回参保地看病还能报吗 stays an eligibility question
 * for the evaluation set); the conversation answers the topic directly instead of starting a flow.
 *
 * - two_way: long-term registrants keep their benefits back home (双向享受待遇)
 * - commitment: the personal commitment letter instead of proofs (承诺书, 承诺制)
 * - principle: 就医地目录、参保地政策、就医地管理 (whose catalogue, whose ratios)
 * - why_ratio: why the estimate's ratio is what it is (为什么是70%, 这个比例怎么来的)
 */
import type { SideTopic } from "./types.ts";
import { termAsked } from "./terms.ts";
import { CueIndex } from "./first-chars.ts";

const HOME = "(老家|本地|参保地|原籍|家乡|户口所在地|原来的地方|原参保地|参保的地方|家里)";

/** A ratio as people write it: 70%, 70％, 百分之七十, 七成. */
const RATIO = "(\\d{1,3}(\\.\\d+)?\\s*[%％]|百分之[零一二两三四五六七八九十百点\\d]+|[一二三四五六七八九]成[五半]?)";

const TOPICS: [SideTopic, RegExp[]][] = [
  [
    "why_ratio",
    [
      // 为什么是70%, 为啥只报70%, 怎么才百分之七十, 凭什么只给七成
      new RegExp(`(为什么|为啥|为何|怎么|咋|凭什么)(会|就)?(是|只有|才|只报|只能报|报|给|按|只给|只按)?了?${RATIO}`, "u"),
      new RegExp(`${RATIO}(是)?(怎么|咋|如何)(来|算|定)的|${RATIO}(的)?(依据|根据|来源)(是)?(什么|啥|哪)`, "u"),
      // 怎么算的, 为什么这么少, 怎么才报这么点 (about the estimate just given)
      /^(那|这|这个)?(是)?(怎么|咋|如何)算(的|出来的)|(为什么|为啥|怎么)(报的|报得|给的)?(这么|那么|才这么|才)(少|低|点)|怎么(才|只)报(这么|那么)?(点|少)/u,
      /(这个|报销|支付)?比例(是)?(怎么|咋|如何)(来|算|定)的|(比例|报销比例)(为什么|为啥|凭什么)|(为什么|为啥)(报销)?比例(这么|那么)?(低|少|高|是这个)|(为什么|为啥|怎么)(是|按|给)?(这个|这样的?)(报销)?比例/u,
    ],
  ],
  [
    "two_way",
    [
      /双向(享受)?(待遇)?|两头都(能|可以)(报|用|享受)|两边都(能|可以)(报|用|享受|看)/u,
      // 备案后能回老家看病吗, 备案了还能在老家看病报销吗, 长期备案后回来参保地看病要报备吗
      new RegExp(`(备案|备了案|备过案|异地安置|长期居住)(之后|以后|后|了|过)?.{0,10}(回|在|去)(来|到)?${HOME}.{0,12}(看病|就医|住院|门诊|报销|能报|还能报|刷卡|还能用|能不能用|可以用)`, "u"),
      // 我回老家看病还能报吗
      new RegExp(`回(来|到)?${HOME}.{0,6}(看病|就医|住院|门诊).{0,6}(还能|能不能|可不可以|可以|能)(报|刷卡|用|结算)`, "u"),
    ],
  ],
  [
    // 你算的不对 我上次住院报了九成: why an estimate may differ, not a correction of the answers.
    "complaint",
    [/(你|这|这个)?(算|估)(的|得)?(不对|错了?|有问题|不准)|算错|(上次|以前|之前|去年)(住院)?(报|报销|给报)了([一二三四五六七八九]成|\d+\s*[%％])/u],
  ],
  [
    "commitment",
    [
      /承诺/u,
      // 没有居住证能备案吗, 拿不出证明怎么办: the commitment letter instead of the proof.
      /(没有?|拿不出|缺|开不了|开不出|办不了|没办)(居住证|户口本|户口簿|证明|劳动合同|派出证明|工作证明|租房合同).{0,8}(能|可以|怎么|咋|还能|行不行|行吗)/u,
    ],
  ],
  [
    "principle",
    [
      /就医地目录|参保地政策|就医地管理|参保地目录|结算原则|报销原则/u,
      /参保地还是就医地|就医地还是参保地|按参保地还是|按就医地还是|参保地的还是就医地/u,
      /(按|用|执行|走|看|照)(的是)?(哪里|哪边|哪儿|哪个地方|哪个城市|什么地方)的?(政策|目录|标准|报销比例|比例|规定|药品目录|起付线)/u,
      /(哪里|哪边|哪个地方)的.{0,4}目录|目录(不一样|不同|有区别|有差别)/u,
      // 是按老家还是按看病的地方
      /按(老家|参保地|家里|户口|户籍|原籍|家乡|本地)(的)?.{0,4}还是(按)?(看病|就医|医院|治病|住院|外地)|按(看病|就医|医院)的?(地方|那边|地)还是(按)?(老家|参保地)/u,
    ],
  ],
];

/**
 * Already discharged (出院一个月了, 已经出院, 出了院, 出院后): making up the registration now is the
 * after-discharge rule. Not 出院前, 还没出院, 快出院了, 明天出院, 出院当天 (still before settlement).
 */
export const DISCHARGED = /(已经|早就|早都|都已经|都|已)出(了)?院|(?<!没|没有|还没|未|快|快要|要|就要|准备|马上|明天|后天|今天|等|能|才能)(刚|刚刚|才)出(了)?院|出的院|(结(完|好)账|结了账|结账了|结清了|办(完|好|了)(了)?出院|出院手续(已经|都|也)?办(完|好|了))(?![吗么没])|(?<!没|没有|还没|未|快|快要|要|就要|准备|马上|明天|后天|今天|等)(出了院|出院(了|后|之后|以后|[一两三四五六七八九十几半\d]+(个)?多?(月|天|周|星期|礼拜|年)(了|多)?))/u;

/** In hospital now (住院了, 住着院, 住进去了, 人在医院): not yet settled, so the registration can still be made up. */
const IN_HOSPITAL = /住(了)?院|住着|住进|入院|在医院|躺着/u;

/**
 * 出院一个月了还能补备案不: a question about making up the registration, asked after discharge.
 * 没备案 在广州住院了 (`unregistered` and still in hospital): what happens now, making it up before
 * discharge, and what is paid if not.
 */
export function afterDischargeTopic(text: string, unregistered = false): SideTopic | undefined {
  if (DISCHARGED.test(text)) return "makeup_after_discharge";
  return unregistered && IN_HOSPITAL.test(text) ? "makeup_in_hospital" : undefined;
}

/** 医保卡丢了 在外地看病怎么办 */
const CARD_LOST = /(医保卡|社保卡|医保卡片).{0,4}(丢了|掉了|丢失|找不到|没带|忘带|补办)/u;

/**
 * General questions a flow would hold hostage (您在哪里参保？ before any answer): answered at once
 * from the national rules (the places said with them are kept). A message that also states a bill
 * is a case of its own, for the flow.
 */
const GENERAL: [SideTopic, RegExp][] = [
  // 她医保在老家 在老家住院 不用备案吧: insured and treated in the same unnamed place (老家, 本地) —
  // not 异地就医 at all. Named cities are told apart by their codes instead (same_pool).
  ["care_at_home", /^(?=.*((医保|社保|参保)(是|也是|在|也在|都在|交在|还在)(老家|本地|当地|家里|这边)|(老家|本地|当地|家里|这边)的?(医保|社保)))(?=.*(在|回|回到|就在)(老家|本地|当地|家里|这边)(的)?(医院|县医院|县城|镇上|乡下)?.{0,4}(住院|看病|就医|看|治|手术|开药|门诊|生孩子))(?!.*(外地|异地|别的地方|外省|外市))/u],
  // 住院期间转到另一家医院了 还要重新备案吗, 备案是备案到医院还是城市
  ["area_not_hospital", /(换|转)(到|去)?(了)?(另|别的|其他|另外)(一)?(家|个)?医院|备案(是)?(备案)?到(医院|城市).{0,3}还是|(医院|城市)还是(医院|城市)|(要|得)(指定|选|填)(哪家|哪个)?医院/u],
  // 备案开始时间怎么填 已经住进去了
  ["start_date", /(备案)?(开始|起始|生效)(时间|日期).{0,6}(怎么|咋|如何|填|选|写)/u],
  ["card_lost", CARD_LOST],
  // 身份证要吗, 要带社保卡吗
  ["id_needed", /^(那)?(要|需要|得)?(带)?(身份证|户口本|户口簿)(要|需要|得)?(带)?(吗|不|么|嘛)[?？]*$/u],
  // 备案有效期过了 人还在住院 咋办
  ["expired_in_hospital", /^(?=.*(有效期|备案).{0,6}(过了|到期|过期|到了))(?=.*(住院|住着|在医院))/u],
  // 临时备案到期了怎么续, 备案能延期吗
  ["renew", /^(?=.*(备案|有效期))(?=.*((到期|过期|过了|到了).{0,8}(续|延|怎么办|咋办|再办|怎么弄|咋弄)|续(期|办|签|备)|延期|延长|怎么续|咋续))/u],
  // 在深圳住院了 医保在湖南 要回去报吗 (still in hospital: settle there, making the registration up first)
  ["stay_not_claim", /^(?!.*((已经|早就|都)出(了)?院|出院(了|后|之后|以后)))(?=.*(住院|住着|住进|入院|在医院))(?=.*((要|得|需要|用不用|要不要|是不是要)(回去|回老家|回参保地|回来)(报|报销)|^(?!.*(垫|自费|全额|没联网|不能刷|刷不了|没结算|手工|材料)).*(要|该|得)?(怎么|咋|如何)(报|报销|结算)))/u],
  // 帮我查下备案办好没, 备案成功了吗
  ["check_record", /(查|看)(一)?(下|查)?.{0,4}备案.{0,6}(办好|成功|好了|通过|批|下来|结果|状态)|备案.{0,6}(办好了?没|好了没|成功了?(吗|没)|通过了?(吗|没)|批了?(吗|没)|下来了?(吗|没))/u],
  // 医保电子凭证怎么弄, 医保码在哪开通
  ["e_voucher", /(医保电子凭证|电子凭证|医保码|电子医保卡|医保电子码).{0,4}(怎么|咋|如何|在哪|哪里|怎样|去哪)(里)?(弄|办|开通|激活|申领|领|获取|开|申请|搞)|(怎么|咋|如何|在哪|哪里)(弄|办|开通|激活|申领|领|获取|申请)(医保电子凭证|电子凭证|医保码)/u],
  // 在外地药店能刷医保卡买药吗
  ["pharmacy", /(药店|药房).{0,10}(刷|用|买|报|结算|能不能|可以|行不行)|(刷|用)(医保卡|社保卡|医保).{0,4}买药/u],
  // 个人账户的钱在外地能用吗
  ["personal_account", /个人账户|个账|医保卡里的钱|卡里的余额/u],
  // 转诊单在哪开, 转诊证明找谁开
  ["referral_paper", /转诊(单|证明|手续|表|单子)?.{0,4}(在哪|哪里|去哪|怎么|找谁|谁)(里)?(开|办|弄|出|要)|(在哪|哪里|去哪|找谁|怎么)(开|办|弄|要)转诊/u],
  // 能帮我爸代办备案吗
  ["proxy", /代办|代(他|她|我|老人)办|帮(我)?(爸|妈|父亲|母亲|老人|家里人|家人|爷爷|奶奶|外公|外婆|公公|婆婆|岳父|岳母)(办|备案|弄)/u],
  // 不会用app 线下去哪办
  ["offline_channel", /线下|窗口|柜台|不会(用|弄|玩)(手机|智能手机|app|APP|小程序|软件)|没有?智能手机/u],
  // 长期和临时有啥区别, 长期备案跟临时备案哪个划算, 临时的和长期的有什么不同
  ["kinds_compare", /(长期|临时)(的|备案|外出|居住)?(备案)?[^，,。？?]{0,4}(和|跟|与|还是|或者?|或是)[^，,。？?]{0,4}(长期|临时)[^，,。？?]{0,10}(区别|不同|不一样|一样|差别|差异|哪个|哪种|选哪|怎么选|划算)/u],
  // 异地备案需要什么条件, 办备案有啥要求, 什么条件才能备案 (who_can_register in words of conditions)
  ["who_can_register", /(备案|异地就医).{0,8}(需要|要|得|有)(什么|啥|哪些|些什么)(条件|要求|资格)|(什么|啥|哪些)(条件|要求|资格).{0,8}(才能|可以|能)?(办)?(异地)?(就医)?备案|(谁|哪些人|什么人)(能|可以)(办|申请)(异地)?(就医)?备案/u],
  // 出院两个月了还能报吗, 出院很久了还来得及报销吗 (not 补备案: that is the makeup answer)
  // (Not 快出院了, nor a question of making up the registration: 补 anywhere is the makeup answer.)
  ["claim_deadline", /(?<!快|快要|要|没|未|还没|准备|马上|明天|后天)出院(了|后|以后|之后)?(?!.*补).{0,8}(还能|还可以|能不能|可不可以|还来得及|来得及|还行|过期)(报|报销|手工报|回去报)?(吗|不|么|没)?(?!.*补)/u],
  // 报销多久能到账, 钱多久打过来, 什么时候能到账
  // 能同时备案两个地方吗, 可以备案两个城市吗
  ["two_places", /^(?=.*备)(?=.*((两个|多个|几个)(地方|城市|地区|省)|两地|两处))/u],
  // 备案选错城市了怎么办, 备案填错了地方, 就医地选错了
  ["wrong_place", /(备案|就医地|地方|城市).{0,6}(选错|填错|备错|弄错|搞错|办错|选成)|(选错|填错|备错|弄错|搞错|办错)了?.{0,6}(备案|就医地|地方|城市)/u],
  // 起付线多少, 封顶多少, 报销比例是多少, 能报百分之几 (the insured place's own figures)
  ["local_figures", /(起付线|起付标准|门槛费|封顶线?|最高支付限额|年度限额|报销比例|支付比例)(是|有|大概|一般)?(多少|几|多高|多大|怎样|怎么样)|能报(百分之几|几成|多少比例)/u],
  ["claim_payout", /(多久|多长时间|几天|什么时候|啥时候|哪天)(才)?(能|可以|会)?(到账|打(过来|到卡|钱)|返(钱|回)|回款|下来)|(到账|打款|回款)(要|需要)?(多久|多长时间|几天)|报销的钱.{0,3}(打|转|退|返)(到|进)(哪|哪里|哪儿|哪个)/u],
];

/** A bill in the message makes it a case to work out, not a general question (its places are kept either way). */
const NAMES_A_BILL = /\d{3,}|\d(\.\d+)?\s*[万wWkK千]|[一二两三四五六七八九十]万|[0-9一二两三四五六七八九十百千万]+\s*(块|元)/u;

/** 个税大病医疗, 专项附加扣除: a tax question (intents.ts reads it as out of scope). */
const TAX = /个税|个人所得税|专项(附加)?扣除|汇算|退税|抵税|扣税|税.{0,4}抵扣/u;

/** For a message out of scope: a topic that says where to ask instead, if there is one. */
export function outOfScopeTopic(text: string): SideTopic | undefined {
  if (TAX.test(text)) return "tax";
  // 医保卡丢了 reads as out of scope (a lost card), but it is asked for the care ahead.
  return CARD_LOST.test(text) ? "card_lost" : undefined;
}

/** The figures a question about a city's own figures names: one of them narrows the answer to it. */
const FIGURES: [SideTopic, RegExp][] = [
  ["local_figures@deductible", /起付|门槛费/u],
  ["local_figures@ratio", /比例|百分之几|几成/u],
  ["local_figures@cap", /封顶|最高支付限额|年度限额/u],
];

function narrowed(topic: SideTopic, text: string): SideTopic {
  if (topic !== "local_figures") return topic;
  const named = FIGURES.filter(([, p]) => p.test(text));
  return named.length === 1 ? named[0]![0] : topic;
}

/**
 * What a GENERAL pattern that may begin anywhere (^(?=.*…)) cannot match without: words that must
 * be in the message. Indexed in its place, so that it is tried only when they are there.
 */
const NEEDS: Partial<Record<SideTopic, RegExp>> = {
  care_at_home: /医保|社保|参保/u,
  expired_in_hospital: /有效期|备案/u,
  renew: /备案|有效期/u,
  stay_not_claim: /住院|住着|住进|入院|在医院/u,
  two_places: /备/u,
};

/** Every pattern above, in order, each with its topic and whether it is a GENERAL one. */
const ALL: { topic: SideTopic; pattern: RegExp; general: boolean }[] = [
  ...TOPICS.flatMap(([topic, patterns]) => patterns.map((pattern) => ({ topic, pattern, general: false }))),
  ...GENERAL.map(([topic, pattern]) => ({ topic, pattern, general: true })),
];
/**
 * One scan of the message for the first characters the patterns can start with (first-chars.ts),
 * as for the intent cues: a message is tried against the few that can match there, not all
 * thirty-odd patterns, most of which have long alternations (the side topics were a tenth of a
 * parse at the web bench).
 */
const CUES = new CueIndex(ALL.map((x) => (x.general ? (NEEDS[x.topic] ?? x.pattern) : x.pattern)));
const possible = new Uint8Array(CUES.size);

/** The side topic a message asks about, if any (first match in the order above). */
export function sideTopic(text: string): SideTopic | undefined {
  const term = termAsked(text);
  if (term) return term;
  CUES.mark(text, possible);
  for (let k = 0; k < ALL.length; k++) {
    if (possible[k] === 0) continue;
    const { topic, pattern, general } = ALL[k]!;
    if (!pattern.test(text)) continue;
    return general ? (NAMES_A_BILL.test(text) ? undefined : narrowed(topic, text)) : topic;
  }
  return undefined;
}
