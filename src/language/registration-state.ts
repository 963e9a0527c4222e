/**
 * A registration once made that does not cover this stay: cancelled (之前办过长期备案 后来取消了),
 * expired (备案过期了, 临时备案到期了 没续), not yet in force (备案还在审核, 备案被退回了), or made
 * for another place (长期备案办在了广州 不是北京).
 * The person is then not registered here: the estimate must not pay the registered rate, and the
 * advice is to make it up (补办). A question about cancelling (备案能取消吗, 取消了还能报吗 is still
 * said as done) or a registration that ends later (快到期了) is none. Pure, never throws.
 */
import type { PlaceMention } from "./places.ts";

/** Every reader here needs one of these: most messages are let through at once. */
const REGISTRATION_CHAR = "备";

/** 备案 … 取消了 / 撤销了 / 注销掉了, or 取消了备案: said as done, not asked (取消了吗, 取消了没). */
const CANCELLED = /(?:备案|备过案|备了案)[^，,。!！?？；;]{0,10}?(?:后来|已经|又|早就|早|都|被|给)?(?:取消|撤销|注销|撤回|撤)(?:了|掉了|掉)(?![吗么没呢])|(?:取消|撤销|注销|撤)(?:了|掉了)(?:之前的|原来的)?(?:异地)?(?:长期|临时)?(?:的)?(?:就医)?备案(?![^，,。!！?？]{0,4}(?:吗|么))/u;

/**
 * 备案过期了, 临时备案到期了, 备案过期一个月了, 有效期过了, 过期的备案, 办的是长期的 但是已经过期了,
 * 长期备案办了 不过去年底就到期了: expired (not 快到期了, 什么时候过期, 会不会过期, nor 医保卡过期了). An admission inside the validity still counts, so 过期前入院的 is none.
 */
const EXPIRED = /(?:备案|有效期|(?:长期|临时)的)[^，,。!！?？；;卡证码]{0,12}?(?<!快|快要|就要|要|会|马上|即将|将)(?:已经|早就|早|都|就|也|已)?(?:过期|到期|失效|作废|过了期)(?:了|的|[一两三四五六七八九十几半\d]+(?:个)?多?(?:月|天|周|年|星期|礼拜))|有效期(?:已经|早就|都|也)?过了|(?:已经)?过期(?:了)?的(?:异地)?(?:长期|临时)?备案/u;
/**
 * The stay began while it was valid (过期前就住进去了, 入院的时候还在有效期), or is still going on
 * (到期了 我还在住院: admitted before it ran out): still covered.
 */
const ADMITTED_IN_TIME = /(?:还在|正在|还)[^，,。]{0,6}?(?:住院|住着|医院)|住着院|(?:过期|到期|失效)(?:之前|以前|前)[^，,。]{0,6}(?:住|入)|(?:住院|入院|住进去)(?:时|的时候)[^，,。]{0,4}(?:还在有效期|还没过期|没过期|没到期|有效)|有效期内(?:住|入)/u;

/** 备案还在审核, 备案没通过, 备案被退回了: not (yet) in force. */
const NOT_IN_FORCE = /备案[^，,。!！?？]{0,4}?(?:还在|正在)(?:审核|审批|审)|备案(?:审核|申请)?(?:还)?(?:没|没有|未)(?:通过|批下来|审核通过|审下来)|备案(?:申请)?(?:被)?(?:退回|驳回|拒)(?:了)/u;

/** A question about it, right after: 备案过期了怎么办 is still expired, 备案会过期吗 not (said before). */
const ASKED_AFTER = /^(?:吗|么|没|不)/u;

const CANCEL_WORDS = /[取撤销]/u;
const PENDING_WORDS = /[审批退驳拒通]/u;
const EXPIRY_WORDS = /[期失废]/u;

/** Where the words saying a registration no longer holds end (-1: none), so what follows can undo it (后来又办了). */
export function registrationVoidEnd(text: string): number {
  if (typeof text !== "string" || !text.includes(REGISTRATION_CHAR)) return -1;
  // Each pattern only where its verb is: most messages about 备案 say none of them.
  const c = (CANCEL_WORDS.test(text) ? CANCELLED.exec(text) : null) ?? (PENDING_WORDS.test(text) ? NOT_IN_FORCE.exec(text) : null);
  if (c) return c.index + c[0].length;
  const e = EXPIRY_WORDS.test(text) ? EXPIRED.exec(text) : null;
  return e && !ASKED_AFTER.test(text.slice(e.index + e[0].length)) && !ADMITTED_IN_TIME.test(text) ? e.index + e[0].length : -1;
}

/**
 * The words right before a place that say a registration was made for it: 备案办在了广州, 备案备到了
 * 苏州, 备案办的是杭州, 备案地是, 长期备案在昆明, 备的是上海. (备案的地方 is the place of care: roles.ts.)
 */
const REGISTERED_FOR_BEFORE = /(?:备案|备过案|备了案)(?:办|备|做|弄|选|填|申请)?(?:的|了)?(?:是|在|到|去)(?:了)?(?:的是)?$|(?:备案|备)(?:的|了)(?:是)?$|备案(?:地|城市)(?:是|在)$|(?:长期|临时)(?:的)?(?:就医)?备案[\s，,]+(?:办)?(?:是|在)$/u;
/** After the place: 在广州备的案, 在广州办的备案, 广州的备案, 备案是广州的, 在上海办了长期备案. */
const REGISTERED_FOR_AFTER = /^[市省]?(?:备的案|办的备案|做的备案|的备案|备案的|(?:办了|办的|备了|做了)(?:异地)?(?:长期|临时)(?:的)?(?:就医)?备案)/u;

/** 回老家南昌, 回到家乡, 回南昌: going home, where the person is insured (before the place; not 这回, 上回). */
const GOING_HOME_BEFORE = /(?<![这那上下一几每])回(?:到|去)?(?:了)?(?:老家|家乡|原籍|参保地|户口所在地)?$/u;

/**
 * The place of care a registrant goes home to (长期备案在广州 回老家南昌看病): the mention after
 * 回(老家), which is where they are insured; a registration for another place covers care at home
 * (备案地和参保地都能享受待遇). Undefined when the care is not said to be at home.
 */
export function homeReturnMention(text: string, mentions: PlaceMention[], registeredFor: PlaceMention): PlaceMention | undefined {
  if (typeof text !== "string" || !text.includes("回")) return undefined;
  return mentions.find((m) => m !== registeredFor && GOING_HOME_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start)));
}

/**
 * The place a registration was said to be made for, if a message names one (its mention), so the
 * roles can be read without it and the two compared.
 */
export function registeredForMention(text: string, mentions: PlaceMention[]): PlaceMention | undefined {
  // Another place than the one of care needs two places named.
  if (typeof text !== "string" || mentions.length < 2 || !text.includes(REGISTRATION_CHAR)) return undefined;
  for (const m of mentions) {
    if (REGISTERED_FOR_BEFORE.test(text.slice(Math.max(0, m.start - 9), m.start)) || REGISTERED_FOR_AFTER.test(text.slice(m.end, m.end + 12))) return m;
  }
  return undefined;
}
