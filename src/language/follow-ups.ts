/**
 * Short follow-ups that only mean something after an answer: 临时的呢 (the same question for the
 * other kind of registration), 具体步骤呢 (after where to register: the steps), 在哪交 (after the
 * claim's materials: where to hand them in), 钱打到哪 / 钱什么时候到 (the claim's money). The
 * previous answer's topic says what they ask; without one they ask nothing we can tell.
 */

/** Topics whose answer differs for long-term and temporary registrations. */
const KINDED = ["validity", "cancel_change", "registration_materials", "ratio_change"] as const;

/** Topics about registering: 具体步骤呢 after them asks how it is done. */
const REGISTRATION = ["registration_channels", "registration_materials", "who_can_register", "kinds_compare", "need_register", "review_time", "check_result", "registration_steps"];

/** Topics about the claim after paying first: 在哪交 after them asks where it is handed in. */
const CLAIM = ["claim_materials", "claim_deadline", "claim_payout", "claim_where", "makeup_after_discharge", "makeup_in_hospital"];

/** 临时的呢, 那长期备案呢, 如果是临时的呢, 临时的怎么样: the other kind, nothing else. */
const KIND = /^(?:那|那么)?[,，\s]*(?:如果|要是)?(?:是|办)?(临时|长期)(?:的|备案|外出|就医|居住|那种)*[,，\s]*(?:呢|的话呢?|怎么样|咋样|怎么说|又怎样|又是怎样)[?？。]*$/u;

/** 具体步骤呢, 流程呢, 那具体怎么操作呢, 怎么弄呢. */
const STEPS = /^(?:那|那么)?[,，\s]*(?:具体)?(?:的)?(?:步骤|流程|操作步骤|办理流程|怎么操作|怎么弄|怎么办理|咋弄|咋操作|怎么申请)(?:呢|是什么|是啥|有哪些|是怎样的?)?[?？。]*$/u;

/** 在哪交, 去哪交呢, 交到哪, 材料送哪里: where something is handed in. */
const WHERE = /^(?:那|那么)?[,，\s]*(?:材料|这些|东西)?(?:要|得)?(?:在|去|到)?(?:哪|哪里|哪儿|什么地方)(?:里|儿)?(?:交|递交|提交|送|寄|办|去交|去办|报)(?:呢|啊)?[?？。]*$|^(?:那|那么)?[,，\s]*(?:材料|这些)?(?:交|递交|提交|送|寄)(?:到|去|给)(?:哪|哪里|哪儿|谁)(?:里|儿)?(?:呢|啊)?[?？。]*$/u;

/** 钱打到哪, 钱什么时候到, 钱打到哪个卡: the claim's money, where or when. */
const PAYOUT = /^(?:那|那么)?[,，\s]*(?:报销的|报的)?钱(?:会|能|是)?(?:打|转|退|发|返)?(?:到|进|回)(?:哪|哪里|哪儿|哪个(?:卡|账户|账号)|什么(?:卡|账户))(?:里|儿)?(?:呢|啊)?[?？。]*$|^(?:那|那么)?[,，\s]*(?:报销的|报的)?钱(?:什么时候|啥时候|多久|几天|多长时间)(?:能|才|会)?(?:到|到账|下来|打过来|回来|给)(?:呢|啊)?[?？。]*$/u;

/** 去哪交材料, 材料交到哪里: where something is handed in, anywhere in a short message. */
const WHERE_ANYWHERE = /(哪|哪里|哪儿|什么地方)(里|儿)?(交|递交|提交|送|寄)|(交|递交|提交|送|寄)(到|去|给)(哪|哪里|哪儿|谁)/u;

/** Inside a manual claim, a question of where the papers go (not what they are). */
export function asksWhereToHandIn(text: string): boolean {
  return typeof text === "string" && text.length <= 20 && WHERE_ANYWHERE.test(text);
}

/** Topics about how long a registration lasts: 到期了怎么办 / 能延期吗 after them ask how to renew. */
const VALIDITY = ["validity", "renew", "expired_in_hospital"];

/** Two topics of one family (how long a registration lasts; registering; the claim): a short question of one right after the other follows on from it. */
export function sameFamily(topic: string, last: string | undefined): boolean {
  const base = last?.split("@")[0];
  if (base === undefined) return false;
  return topic === base || [VALIDITY, REGISTRATION, CLAIM].some((family) => family.includes(topic) && family.includes(base));
}

/** 到期了怎么办, 过期了咋弄, 能延期吗, 可以续吗, 怎么续, 到期以后呢: renewing, said without 备案 after its answer. */
const RENEW =
  /^(?:那|那么)?[,，\s]*(?:如果|要是)?(?:到期|过期|过了期|期满|到时间)(?:了|以后|之后)?[,，\s]*(?:怎么办|咋办|怎么弄|咋弄|怎么续|咋续|还能续吗|能续吗|要重新办吗|重新办吗|呢)?[?？。]*$|^(?:那|那么)?[,，\s]*(?:能|可以|可不可以|能不能|可以不可以)?(?:延期|延长|续期|续办|续签|续)(?:吗|么|不|嘛|呢|一下)?[?？。]*$|^(?:那|那么)?[,，\s]*(?:怎么|咋|如何|怎样)(?:续|延期|延长|续期|续办)(?:呢|啊)?[?？。]*$/u;

/** 然后呢, 下一步呢, 接下来怎么弄: after where to register, what is done next there. */
const THEN = /^(?:那|那么)?[,，\s]*(?:然后|接下来|下一步|之后|再然后)(?:呢|怎么办|怎么弄|咋弄|干嘛|做什么|干什么|怎么做)?[?？。]*$/u;

/** 国家医保服务平台, 用小程序, 小程序怎么弄: the channel just named, picked — its steps are asked. */
const CHANNEL_PICKED =
  /^(?:那|那么)?[,，\s]*(?:用|在|就用|下载|下个|打开)?(?:国家医保服务平台|医保服务平台|国家医保|国家异地就医备案|小程序|app)(?:的)?(?:app|小程序)?(?:上|里)?(?:怎么|咋|如何)?(?:弄|办|操作|备案|搞|用)?(?:呢|吗)?[?？。]*$/iu;

/** 那打哪个, 打哪个电话: after the hotline answer, which number. */
const WHICH_NUMBER = /^(?:那|那么)?[,，\s]*(?:该|应该|要|我)?打(?:哪个|哪一个|什么|啥|哪里|哪儿)(?:电话|号码?|热线)?(?:呢|啊|好)?[?？。]*$/u;

/** 那在天津呢, 那退休呢, 如果是居民医保的话呢: the question just answered, asked again of what it names. */
const AGAIN = /^(?:那|那么)?[,，\s]*(?:如果|要是|假如|换成|改成)?.{1,12}?(?:呢|的话呢?|怎么样|咋样|又怎样)[?？。]*$/u;

/** A short "and for X?" after a side answer: the conversation asks that answer again with X (the words name X). */
export function asksAgainFor(text: string): boolean {
  const t = typeof text === "string" ? text.trim() : "";
  return t.length > 0 && t.length <= 16 && AGAIN.test(t);
}

/**
 * The topic a short follow-up asks, given the topic of the answer before it (`last`, possibly
 * with its kind: validity@temporary) and the flow under way; undefined when it is no follow-up.
 */
export function followUpTopic(text: string, last: string | undefined, flow?: string): string | undefined {
  const t = typeof text === "string" ? text.trim() : "";
  if (t === "" || t.length > 16) return undefined;
  const base = last?.split("@")[0];
  const kind = KIND.exec(t)?.[1];
  if (kind && base && (KINDED as readonly string[]).includes(base)) return `${base}@${kind === "临时" ? "temporary" : "long"}`;
  const registering = (base !== undefined && REGISTRATION.includes(base)) || flow === "registration";
  if (registering && (STEPS.test(t) || THEN.test(t) || CHANNEL_PICKED.test(t))) return "registration_steps";
  if (base !== undefined && VALIDITY.includes(base) && RENEW.test(t)) return "renew";
  if ((base === "hotline" || base === "hotline_which") && WHICH_NUMBER.test(t)) return "hotline_which";
  const claiming = (base !== undefined && CLAIM.includes(base)) || flow === "claim";
  if (claiming && WHERE.test(t)) return "claim_where";
  if (claiming && PAYOUT.test(t)) return "claim_payout";
  return undefined;
}
