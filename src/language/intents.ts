/**
 * What the message asks: each intent has weighted cue patterns; the scores add up and the
 * best wins. Topic cues (押金, 生孩子, 急诊) outweigh the generic "能报吗", and an amount
 * with "能报多少" makes it an estimate. Commands (取消, 上一步, 重来) only count when they are
 * the whole message, so "临时备案可以取消吗" stays a question about validity.
 */
import type { Intent } from "./types.ts";
import { CueIndex } from "./first-chars.ts";
import { asksMeaning } from "./terms.ts";

/**
 * A pattern, its weight, and words that cancel it anywhere in the message (出院三个月了还能报吗
 * is a claim deadline unless it is about 备案). The canceller is kept apart from the pattern so
 * the pattern's first characters stay known (first-chars.ts): a leading ^(?!.*备案).* would make
 * it tested on every message.
 */
type Cue = [RegExp, number] | [RegExp, number, RegExp];

/** 补备案, 备案能补办: making up the registration, which settlement words beside it only say what for. */
const MAKING_UP = /补(办|个|上|一下|一个)?(的)?(异地)?(就医)?备案|备案(能|可以|还能|还可以)?(补|补办)(?!充)/u;

/** 急诊后要不要补备案: an emergency is treated as registered, and that rule answers it. */
const EMERGENCY_WORDS = /急诊|抢救|急救|急病|突发/u;

/**
 * Not the situation of being in hospital unregistered: an emergency (it answers it), a bill or a
 * rate asked (an estimate: the rate without registration, and the warning), a supposition (的话,
 * 去北京住院), or the 没备案 itself denied (不是没备案).
 */
const IN_HOSPITAL_NOT = /急诊|抢救|急救|急病|突发|花了|花费|费用|能报|报多少|报好多|比例|多少|的话|去.{0,6}住院|[\d万千]|不是没/u;

const TOPIC: Partial<Record<Intent, Cue[]>> = {
  out_of_scope: [
    // 个税的大病医疗专项附加扣除 is a tax question, not the serious-illness insurance (大病保险).
    [/个税|个人所得税|专项(附加)?扣除|汇算|退税|抵税|扣税|(个税|税前|税里|税).{0,4}抵扣/u, 7],
    [/股票|股市|笑话|天气|公积金|养老金|高铁|火车票|机票|好吃|商业保险|个人账户.{0,6}取|断缴|(医保卡|社保卡)(丢|掉|补办)|国外|出国|境外|海外|医保.{0,3}交多少|缴费标准|交费标准|彩票|房价|(?<!退休)工资|新生儿医保|参保登记|怎么参保|办医保卡|办社保卡|扣费|交了?几年|交够|交满|缴费年限|能退休|香港|澳门|台湾|英国|美国|日本|韩国|加拿大|澳大利亚|新加坡|泰国|越南|欧洲|用我的医保|用我医保|能用我的|用我的吗|没有医保|没医保|疫苗|体检|停缴|接续|转移|密码|牙齿矫正|美容|整形|缴费基数|余额|缴费比例|缴费记录|缴费|影响明年|借给|伙食费|护工|冻结|交税|帮我挂号|挂个号|排名|哪个医院好|哪家医院好|医院好不好/u, 6],
  ],
  registration_howto: [
    [/备案/u, 1],
    [/怎么备案|如何备案|咋备案|怎么办理|如何办理|办理流程|流程|步骤|代办|帮我备案|帮.{0,2}办备案|我要办|想办|备案.{0,3}(怎么|咋|如何)(办|弄|搞|整|操作|申请)|怎么申请|如何申请|怎么操作|操作步骤|教我|不会用|备案.{0,2}入口|本人去|要本人|本人到场|人脸|刷脸/u, 3],
    [/怎么(弄|搞|整|办)|咋(办|弄|整)|办个?.{0,6}备案/u, 2],
    [/(怎么|咋|如何|怎样)(办|弄|搞|申请|操作)(理|个)?(异地)?(就医)?备案/u, 4],
    // Someone else registering for the person: the how-to, with who may act for whom.
    [/帮忙备案|帮.{0,4}备案|代.{0,2}备案|家属.{0,4}备案|亲属/u, 4],
    [/备案.{0,4}(收费|免费|要钱|交钱|花钱)|填写|怎么填|填什么|写什么|怎么弄才|怎样才能|怎么才能|才能直接/u, 4],
    [/(选|填|写)(省|市)|选省还是选市/u, 2],
  ],
  // Where and through which channel, online and offline (手机上能办不, 不会用app 线下去哪办).
  registration_channels: [
    [/app|小程序|支付宝|微信|公众号|线上|线下|网上|手机上|手机(能|可以)|平台|电话办|打电话(能|可以)?办|在哪(里|儿)?(办|备案|申请)|去哪(里|儿)?(办|备案|申请)|哪里(能|可以)?(办|备案)|哪个窗口|哪个部门|社区能办|医院.{0,4}办备案|什么软件|哪个软件|窗口|排队|医保局.{0,4}(办|备案)|(不会|不懂|不太会)(用)?(手机|智能手机|app|网上)|渠道|途径|网站|官网|网址|(哪个|什么)链接/u, 4.2],
    [/(app|小程序|支付宝|微信|公众号|线上|线下|网上|手机|平台|窗口)(上|里|端)?(怎么|咋|如何|怎样|能|可以|能不能)(办|弄|搞|申请|操作|进行)?(理)?(异地)?(就医)?备案/u, 6],
    [/没有?(智能)?(手机|智能手机)/u, 4.2],
    // 在哪能办备案, 去哪儿可以申请: where, with a modal between.
    [/(在哪|去哪|哪里|哪儿)(里|儿)?(能|可以|才能|才可以)(办|备案|申请|弄)/u, 4.5],
    [/电话.{0,4}(能|可以)?(办|备案|申请)|打(电话|12393|热线).{0,6}(能|可以)(办|备案)/u, 6.5],
  ],
  // Who may register and what each kind means.
  who_can_register: [
    // What a kind of registration means: 异地长期居住是啥意思, 常驻异地工作人员指的是什么人.
    [/(意思|人|理解)(?<=(异地安置|长期居住|长期备案|常驻|异地工作|工作人员|转诊|急诊抢救|临时外出|临时备案)(备案|人员|就医|的)?.{0,4}(是啥意思|是什么意思|什么意思|啥意思|指的是(什么|哪些|啥)人|是哪些人|是什么人|怎么理解))/u, 6],
    [/哪些人(可以|能|才能|需要)?(办|备案|申请)|(什么|啥|哪)(样|种|类)?的?人(可以|能|才能)(办|备案|申请)|什么人(可以|能|才能)?(办|备案|申请)|(什么|啥)样的人(可以|能)?|谁(可以|能)(办|备案|申请)|备案(的)?(类型|种类|分类|有几种|有哪几种|有哪些类|分哪几|分几)|(有|分)(几|哪几)(种|类)(备案)?|哪几类人|(哪些|什么)情况(可以|能|才能)(办|备案)|能备案的(人|情况)|备案(对象|范围|条件)|什么条件(可以|能|才能)?(备案|办)/u, 5.5],
    // 常驻异地工作人员 具体指哪些人, 临时外出就医 说的是哪种人: which people a kind means.
    [/(人|情况)(?<=(异地安置|长期居住|长期备案|常驻|异地工作|工作人员|转诊|急诊抢救|临时外出|临时备案)(备案|人员|就医|的)?.{0,3}(具体)?(说的是|指的是|是指|指|是|算)(哪种|哪类|哪些|什么|啥|什么样|哪样)(的)?(样的)?(人|情况))/u, 6],
    // 啥情况才能备案, 异地安置是指啥: 啥 is 什么 typed on a phone.
    [/(啥|哪种|哪些)情况(下)?(可以|能|才能)(办|备案)|(异地安置|长期居住|长期备案|常驻异地|常驻|异地工作|临时外出|临时备案|转诊备案)(备案|人员|就医)?(是|就是)?(指|指的是)(啥|什么|哪些)/u, 6],
    // 转诊备案是啥, 异地长期居住怎么算 要住多久: what a kind is, and what counts as it.
    [/(异地安置|长期居住|长期备案|常驻异地|异地工作|临时外出|临时备案|转诊备案|急诊备案)(备案|人员|就医)?(是|就是|算)(啥|什么|哪种|哪类)(意思|情况)?[吗呀啊呢?？]*$|(长期居住|异地安置|常驻异地|常驻|临时外出)(备案|人员)?(怎么|咋|如何)(算|界定|认定|定义)|(长期居住|长住|常住).{0,6}(要|得|需要)住(多久|多长时间|几年|几个月|满)/u, 6],
  ],
  // At the hospital: what to show, how direct settlement works at the counter.
  at_hospital: [
    [/结算/u, 0.9],
    // 结算咋弄, 结账该怎么操作: how settlement works (the how-word after it).
    [/(结算|结账)(要|该|得)?(怎么|咋|如何)(弄|办|操作|搞|整|进行)/u, 3.8],
    [/(备案|备)(好|完|成功)(了|以后|之后)+.{0,4}(去|到)医院.{0,6}(注意|带|要|拿)|(去|到|在)(了)?医院.{0,8}(带|拿|出示|要)(啥|什么|哪些|点啥)|社保卡还是医保码|医保码还是社保卡|社保卡还是电子凭证|(医保卡|社保卡|身份证).{0,4}还是.{0,4}(医保码|电子凭证|身份证|医保卡|社保卡)/u, 6],
    // Each starts at a rare character (带, 刷, 说…) and looks back for its context from there, so
    // it is tried only on the few messages that have one (first-chars.ts) and only at that spot;
    // one pattern each, so that a message is tested only against the one its characters allow.
    [/(带|拿|准备)(?<=(出院|入院|住院|结算|结账|看病|就诊|挂号).{0,12}(带|拿|准备))(啥|什么|哪些|点啥)(?!.{0,4}报)/u, 6],
    [/(带|拿|出示|用|刷)(?<=(去|到|在)医院.{0,8}(带|拿|出示|用|刷))(身份证|社保卡|医保卡|医保码|电子凭证)/u, 6],
    [/(扫码|刷码|刷脸|刷卡)(?<=还是(扫码|刷码|刷脸|刷卡))/u, 6],
    [/(说|讲|出示|讲明|说明)(?<=(跟|和|向|告诉)(医院|医生|护士|收费处|窗口|住院处).{0,6}(说|讲|出示|讲明|说明))/u, 6],
    [/直接(?<=(出院|结账|结算).{0,6}(能|可以)直接)(报|结算|刷|结)/u, 6, MAKING_UP],
    [/(说|讲|告诉|出示|带)(?<=(入院|住院)(登记|办手续|办理).{0,8}(说|讲|告诉|出示|带))/u, 6],
    [/(就行|就可以|就能|行|可以)(?<=(备完案|备好案|备案(好|完|成功)了?|备了案).{0,8}(去|到)(医院|看病)(就行|就可以|就能|行|可以))/u, 6],
    [/直接结算.{0,4}(怎么|如何|咋)(结|算|操作|弄|办)|(怎么|如何|咋)(样)?直接结算/u, 5.5],
    // 看病的时候出示社保卡就行吗, 刷医保卡就行了吗, 柜台结算的时候要交啥, 出院结账是不是直接扣掉报销的.
    [/(看病|就诊|挂号|住院|结算|结账|入院|看门诊)的?时候.{0,6}(?<!没|不)(出示|带|刷|用|拿)|出示(社保卡|医保卡|医保码|身份证|电子凭证)|(刷|用|带)(医保卡|社保卡|医保码|身份证)就(行|可以|能)|(柜台|窗口|收费处)(上)?(结算|结账)|(结账|结算|出院).{0,10}(是不是|能不能|会不会|就)?直接(扣|减|报|结|刷)/u, 5.5, MAKING_UP],
    // 到了医院先去哪个窗口登记, 去医院之前要先预约吗: what to do at (or before going to) the hospital.
    [/(到|去|在|进)了?医院.{0,6}(先去|去哪|哪个窗口|登记)|(去|到)医院(之前|以前|前).{0,8}(要|需要|得)|预约挂号|要(先)?预约/u, 6, /(先去|去哪|哪个窗口|登记|要|需要|得|预约)[^,，。]*备案/u],
    // 到了医院怎么用异地医保, 去医院了医保卡咋用: using it on the spot.
    [/(到|去|在|进)了?医院.{0,6}(怎么|咋|如何)(用|刷|使用)/u, 6],
    // 结账的时候是不是只付自己那部分: what is paid at the counter.
    [/(结账|结算|出院|缴费)(的)?(时候)?.{0,6}(只|就)(要|需要|用)?(付|交|掏|出)(自己|个人)/u, 5.5],
    // 医院不给刷怎么办, 窗口结算不了: direct settlement refused at the counter.
    [/(医院|窗口|收费处|柜台|住院处)(说)?(不给|不让|不能|没法|没办法|不肯)(刷|结算|直接结算|直接报|报)/u, 6],
    [/结算流程|(刷|扫|亮)(医保码|电子凭证)|医保码|电子凭证|挂号.{0,6}(说|告诉|出示|选)|入院.{0,6}(登记|办理).{0,6}(带|出示|要|说)|(窗口|收费处).{0,6}(说|出示|告诉)|出院.{0,4}(结算|结账)(要|需要)?(带|办|注意)/u, 5],
    // How settlement works, in general; a topic word (门诊, 分娩, 放化疗) answers it better.
    // (出院怎么结算, 异地咋结账: the words before 怎么 only say where; the pattern need not.)
    [/(怎么|如何|咋)(结算|结账|付钱|买单)|能(不能)?直接刷(卡|医保)|直接(刷卡|刷医保|刷码)(吗|不|么)/u, 3.8, MAKING_UP],
  ],
  hotline: [
    [/(客服|人工)(的)?(电话|热线)|(电话|热线)(客服|人工)/u, 6.5],
    [/(全国|统一|官方)(的)?.{0,2}(电话|热线)|(有没有|有).{0,8}(能打的|可以打的)?电话(吗|没|不)?$/u, 6],
    [/(电话|热线)(号码|号)?(是)?多少|(打|拨)(哪个|什么|啥)(电话|号码|号)|123(?:93|45|33|20)|热线|电话号码|咨询电话|(医保|医保局|医保中心|经办)(的)?(电话|热线)|电话.{0,4}(问|咨询|投诉)|有电话吗|联系方式|人工服务/u, 6],
  ],
  need_register: [
    // Each form starts at its rarer part (先/提前…, 办/做, 备个案) and looks back for the modal, so it is
    // tried only where one occurs (first-chars.ts), not at every 要 or 用.
    [/(先|提前|事先|预先|事前)(?<=(要不要|需不需要|用不用|必须|非得|一定要|一定得|得不得|需要|要|用|得)(先|提前|事先|预先|事前))(去)?(办|做|备)?(个|一下)?(异地)?(就医)?(备案|备个?案)|(办|做)(?<=(要不要|需不需要|用不用|非得)(去)?(办|做))(个|一下)?(异地)?(就医)?备案|备个案(?<=(要不要|需不需要|用不用|非得|必须)(先)?备个案)|备案是(必须|必需|一定要)的/u, 5.5, /后备案|补备案|补办/u],
    [/要不要(先)?备案|需不需要(先)?备案|用不用(先)?备案|必须(要|得)?(先)?备案|非得(要)?备案|一定(要|得)备案|不备案(的话)?(行不行|可以吗|可以不|行吗|行不|能报吗|会怎样|会怎么样|有什么影响|有影响吗|会怎么|能不能报)?|不用备案|(需要|要|得|用)(先|提前)?备案(吗|么|不)|备案是必须的|可以不备案|必须办备案|非备案不可|(也|还)(要|得|需要|用)(办|先)?备案[吗么?？]*$/u, 5],
    // 备案没办 能直接刷卡吗, 没备案能报销不: not registered — does it still work? (an emergency says more)
    [/((没|未|不)(有)?(办|做)?(异地)?备案|备案(还)?(没|未)(办|做|弄)?)[,，\s]*(的话)?[,，\s]*[^,，。\s]{0,4}(能|可以)(直接)?(刷卡|刷医保|刷|结算|直接结算|报销|报)(吗|不|么|没)?[?？]?$/u, 3.8],
  ],
  cancel_change: [
    [/备案.{0,6}(撤|停掉|停了|不用了|作废|提前结束|结束掉|终止|停用)|(换|调|搬)(了)?(个|到)?(别的|另一个|其他|新的)?(城市|地方|工作|单位).{0,10}备案.{0,6}(重新|再|改|换|变)|(不去了|不在.{0,4}住了|回来了|回老家了|搬回).{0,10}备案.{0,4}(怎么|咋|要不要|需不需要|用不用|得|要|能)?(撤|取消|注销|改|变更|处理|弄)|(要不要|需不需要|用不用|得|要)(去)?(注销|取消|撤销)/u, 6],
    [/(取消|撤销|注销|撤回|退掉)(异地)?(就医)?(的)?备案|备案.{0,6}(取消|撤销|注销|作废|撤回|退掉|不要了)|(能|可以|怎么|如何|要|需要|得|用不用|要不要)(取消|撤销|注销)|注销备案|备案.{0,6}(改|变更|更改|修改|换)|(改|变更|更改|修改|换)(一下)?(备案|就医地)|换(了)?(城市|地方|地儿).{0,8}备案|备案(地|的地方|城市|的城市).{0,8}(改|换|变)|重新备案|备错了|备案.{0,4}(填)?错了|(搬家|搬|去|调)(到)?了?(别的|另一个|其他|外地|新的)(城市|地方).{0,8}备案|备案(怎么|咋)变|备案.{0,6}(能|可以|还能|要不要|需要|需不需要|得|用不用)撤(吗|不|么|回|销)?/u, 5.5],
  ],
  claim_deadline: [
    // 出院三个月了还能回去报吗: how long ago is the question, not how to claim.
    [/出院.{0,3}([\d]+|[一两二三四五六七八九十半几]+)(个多?月|多?年)了?.{0,3}(还能|还可以).{0,4}报(销)?(吗|不|么)/u, 5.5, /备案/u],
    [/(多久|多长时间|几个月|几天|什么时候|多少天)(之内|以内|内)(要|得|必须|可以)?(去|回去)?(报|报销|申请|交|提交|办)/u, 7],
    // 多久要报销, 几个月得去报: the latest time to claim (多久能报下来 is how long the claim takes).
    [/(多久|多长时间|几个月|几天|什么时候|多少天)(以后|之后)?(就)?(要|得|必须)(去|回去)?(报销|报|申请报销)/u, 6],
    // 发票放了一年了还能报不: how long ago, and whether it is still possible.
    [/(放|拖|过|隔|搁)了?(快|将近|差不多|有)?(一年|半年|[一两二三四五六七八九十几\d]+个?多?(月|年))了?.{0,6}(还能|还可以|能不能|还能不能|还行|行不行|还来得及)/u, 6],
    [/(多久|多长时间|几个月|几天|什么时候|多少天)(之内|以内|内|前)(要|得|必须|可以)?(报|报销|申请|交材料|办)|报销.{0,6}(期限|时限|时间限制|有效期|截止|过期)|(有没有|有)时间限制|过期.{0,4}(报|报销)|截止(时间|日期)/u, 5.5],
    // 报销最晚什么时候交材料; 去年的住院发票今年还能报吗: how late a claim may come.
    [/(最晚|最迟)(什么时候|啥时候|几号|哪天|多久|要|得)|最后期限|(去年|前年|上个?月|几个月前|半年前|一年前|好久之前)的?.{0,8}(今年|现在|还能|还可以).{0,4}报/u, 6],
    [/(出院|报销).{0,20}(还来得及|来得及吗|来得及不|还能报吗|还能报不|还可以报)|(过了|超过|超了).{0,8}(还能报|能报吗|还能不能报|就不能报)/u, 5.5, /备案/u],
  ],
  registration_materials: [
    [/材料|资料|证件|证明|带啥|带什么|准备(什么|啥|点啥|哪些)|户口本|(?<!有|办了|办过|拿了|有了)居住证|承诺书|清单|提交啥|交什么|什么手续|哪些手续|社保卡和|身份证和|办手续|办理手续|需要.{0,2}手续|需要啥$|需要啥[吗呀啊]|要什么$|要啥$|盖章|居住证明|房产证|原件|复印件|租房合同/u, 4],
    [/带.{0,6}(身份证|社保卡|户口本)|(身份证|户口本|社保卡)吗/u, 4.5],
    [/(带|拿|准备)(?<=(办|备案|窗口|医保局|医保中心|社保局|现场|线下).{0,6}(带|拿|准备))(啥|什么|哪些|点啥)/u, 5],
  ],
  eligibility: [
    [/能备案|能不能备案|可以.{0,4}备案吗|(需要|要|用|必须|得)(先|提前|分别|单独|各自|都|另外)?备案|要不要备案|不备案|算哪|(?<!帮我|帮忙|给我)算(?!一下|算|下|得对|对).{0,8}吗|哪些人|什么人|我这种情况|能办.{0,8}(吗|不)|能用吗|可以用吗|能在.{0,8}(看|用|刷)|可以在.{0,8}(看|用|刷)|能直接结算吗|能直接刷|可以直接结算|(?<!回来|回去|回老家)能报吗|能报销(吗|不)|能不能报|可以报吗|看病(咋|怎么)(办|弄|整)|咋整|咋办|要办(什么|啥)|需要办(什么|啥)|办(什么|啥)(手续)?|注意(啥|什么|事项)|接.{0,4}过来看病|算异地|选哪种|哪种备案|报得了|长期还是临时|临时还是长期|要.{0,8}(同意|批准|审批)吗|怎么结算|怎么结账|结算方式|医保.{0,10}怎么用|卡.{0,4}怎么用|怎么区分|区别|不一样|包括哪些|指什么|是指|什么情况|哪些情况|只能回|是不是.{0,4}自费|行不行|不用备案|什么条件|条件是|需要.{0,4}条件|什么样的人|什么人可以|可以备案.{0,8}吗|两个地方|能不能在.{0,12}(看病|报销|看)|(要|需要)办.{0,10}吗|医保(咋|怎么)(弄|办|整)|(医保卡|社保卡).{0,8}(能刷|能用|刷不了|可以刷|可以用)|在这(里|边)能刷/u, 3.5],
    [/(要|需要)?先?回去办|(还|另外)?(需要|要)做什么|还要做什么|满足什么|满足.{0,4}条件/u, 4.5],
    // 在深圳打工 医保是老家的 生病了怎么办: what applies to the person.
    [/(生病|病了)了?.{0,2}(怎么办|咋办|怎么弄|咋弄)/u, 4.2],
    // 我属于哪一类备案: which kind the person is, not how to register.
    [/(我|我们|他|她|俺)?(属于|算是?|是)(哪|什么)(一)?(类|种|个类别)/u, 5.5],
    [/(备案|备了案|安置)(之后|以后|后)?.{0,8}(本地|老家|参保地|原籍|回去|回来|家里).{0,8}(能|不能|还能|要)|双向|要报备|报备吗|另一个城市|另外一个城市|别的城市/u, 4.5],
  ],
  estimate: [
    [/报多少|能报多少|报销多少/u, 4.5],
    [/报了多少|掏多少|出多少|付多少|自付多少|自费多少|估算|算一下|算算|帮我算|报完|还剩多少|报销金额|能报一半|报几成|能报几|算.{0,2}报销|报多少钱|百分之多少|封顶|最高(能)?报|起付线|剩多少|报下来/u, 3],
    [/报销范围|目录外|自费药|限额|乙类|甲类|丙类/u, 4],
    [/比例是多少|比例多少/u, 4.5],
    [/(费用|花了|花费)(大概|大约|差不多|估计)?.{0,3}[万千]/u, 2.5],
    [/拿回多少|能拿多少|返多少|退回多少|报回多少/u, 4.5],
    // 能报好多 (south-west), 报几多 (Cantonese): how much.
    [/报(销)?(得了|得到)?(好多|几多)(钱)?/u, 4.5],
  ],
  manual_claim: [
    // 报销的事, 医保报销: the word alone is only a lean (below every cue of a question), so the
    // likeliest readings can be offered when nothing else is said.
    [/报销/u, 0.9],
    // 没法直接结算 回去报销要准备什么, 刷不了 只能回去报 要带啥: the claim back home is asked about,
    // whatever the words about the counter before it.
    [/(回去|回来|回老家|回参保地|回单位|回当地|事后|自己|回家)(再)?(去)?(申请)?(报|报销)(销)?.{0,8}(准备|带|要|需要|材料|资料|手续|单据|票|咋|怎么|如何)|(报销|报)(要|需要|得)?(准备|带)(什么|啥|哪些|点啥)|(没法|没能|不能|没有|没|无法)直接(结算|结|刷).{0,12}(回去|回来|回老家|怎么报|咋报|报销(要|的|材料|流程|手续|怎么|咋))|(刷不了|结算不了|结不了|不给刷|不能刷).{0,10}(回去|回来|回老家|自己).{0,4}报|(回去|回来).{0,2}(怎么|咋|如何)(弄|办)?(报销|报)|手工报销.{0,3}(要|需要|得|准备|带)(哪些|什么|啥)|(垫付|垫)的?.{0,8}回去报/u, 6.3],
    [/还能报(吗|不)|现在.{0,4}能报/u, 2.5],
    [/事后.{0,2}报/u, 4.5],
    // 报销咋弄, 报销的事怎么办: how to claim (備案 is not named, so it is not the registration).
    [/报销(的事|这事|这块|这个事)?.{0,2}(怎么|咋|如何)(弄|办|搞|整|操作|申请|走)/u, 4],
    [/垫付|垫了|自己垫|零星报销|回(老家|去|来|参保地|单位|当地).{0,6}报|回参保地|拿回.{0,6}报|全自费|自己掏的钱|没刷|没能直接结算|没(有)?直接结算|没结算成|怎么报销|咋报|怎么报|报销期限|到账|我要报销|要报销/u, 3],
    [/手工报销|零星报销/u, 4],
    // 外地住院报销流程是啥: the claim procedure for a kind of care (报销的流程 alone may mean
    // direct settlement too, and stays unsure).
    [/(住院|门诊|看病|医药费|住院费|药费|手术费?)(费用?)?(的)?报销(的)?(流程|程序|步骤|手续)/u, 4],
    // 报销流程 alone: as likely the claim as the registration's steps, so as strong as 流程 there (unsure, with choices).
    [/报销(的)?(流程|程序|步骤)/u, 3],
    [/报销.{0,6}(网上|线上|app|能办|可以办)/u, 4.5],
    [/发票|票据|单据|出院小结|费用清单|病历|报销期限|报销.{0,4}(多久|多长时间|几天)/u, 4.5],
    [/报销.{0,8}(材料|资料|带什么|带啥|要什么|需要什么|要哪些|手续)/u, 4.5],
    [/垫了|自己垫|垫付/u, 4.5],
    [/邮寄|没联网|自己先付(了|钱)|先付了钱|先自己(付|垫|掏|交)了?钱?|全额(自费|自付|垫付|付了)|自费垫|回去报销|回来报销|带什么回去|报销.{0,6}(本人|找谁|跑几趟|跑|在哪|窗口|去哪|哪办|哪里办)|报回来|多久能报|垫的钱|(材料|单据|发票).{0,4}交给|交给单位|结算单|打印|怎么帮.{0,2}报|帮.{0,2}报销|退一部分|退回来|退钱/u, 4.5],
  ],
  validity: [
    [/有效期|多久有效|有效多久|有效.{0,4}(多长|几个月|多久)|多长时间有效|过期|用几次|几次|变更|更改|能改|能不能改|撤销|取消备案|可以取消吗|能取消吗|重新办|还要重新|半年之内|过了半年|还能用吗|还有效|有效吗|有效没|失效|管多久|管几个月|能管|用多久|(内|还)有效|到期|保持多久|期限|延期|续期|(?<!手)续吗|改成|改到|换成|想取消|要取消|取消.{0,3}备案|备案.{0,6}取消/u, 4],
    [/有效/u, 3.5],
    // 备案办一次能一直用吗: how long it lasts.
    [/一直(用|有效|能用|管用|都能用)|长期有效|永久(有效)?/u, 5],
    [/次数|几次/u, 5],
  ],
  emergency: [
    [/(?<!不是|不算|非)急诊|抢救|急救|视同备案/u, 4],
    [/突发|突然|急病|(?<!\d)120(?!\d)|车祸|晕倒|心梗|脑溢血|没来得及备案|来不及备案|没带医保卡/u, 3.5],
  ],
  outpatient: [
    [/门诊.{0,20}(能|可以|报|刷|结算|用|额度|吗|不)|看门诊.{0,6}(能|吗)|药店|买药|诊所|拿药.{0,6}(能|刷)|门诊统筹|门诊共济|门诊(开药|拿药)|(?<!其)中医|针灸|理疗|挂号费|个人账户(?!(里|上)?(面)?(扣|划|付|支付)了)|卡里的钱|账户里的钱/u, 4],
  ],
  chronic_disease: [
    [/门慢|门特|慢特病|特殊门诊|特门|两病|特殊病|特殊疾病|特病|慢性病|慢病|透析|放化疗|化疗|高血压|糖尿病|抗排异|器官移植|尿毒症|资格认定|病种|冠心病|慢阻肺|慢性阻塞|类风湿|肝炎|强直性/u, 4.5],
  ],
  makeup_registration: [
    // 出院了补备案还能直接结算吗, 出院当天补的备案 结账能直接刷吗: making up the registration is
    // the question; the settlement words around it say what for.
    [MAKING_UP, 7.5, EMERGENCY_WORDS],
    // 忘了备案 住院第三天了, 没备案就住进去了: in hospital now without it (a bill stated with both
    // places is an estimate: the chat gives the rate without registration and the warning).
    [/(备案.{0,6}(没弄|没办|忘了|没做)|(忘|忘记)(了)?(办|做)?备案|(没|还没|未)(有)?(办|做)?备案就).{0,12}(已经在医院|人在医院|在医院躺|躺着|住着|住进去|住院(第|好几|几|中|期间)|入院了)/u, 5],
    // 还没备案 人已经住院了: too late for the usual way, the question is how to make it up.
    // (not a bare 都: 成都急诊住院了没备案 is about the emergency)
    [/(没|还没|未)(有)?(办|做)?备案.{0,10}(已经|早就|都已经).{0,4}(住院|住进|在医院|入院)|(已经|早就|都已经).{0,4}(住院|住进|入院).{0,10}(没|还没|未)(有)?(办|做)?备案/u, 5],
    // 没备案 在广州住院了, 在广州住着院 还没备案: in hospital now without it — what happens, whether it
    // can still be made up, what is paid (not how to register from scratch). An emergency answers it.
    [/(没|还没|未)(有)?(办|做)?备案.{0,10}住(了)?(院|进)|(住(院|进去?)(了|着|呢)|住着院呢?).{0,4}(没|还没|未)(有)?(办|做)?备案/u, 5, IN_HOSPITAL_NOT],
    [/补备案|补办备案|补个备案|补办|补一个|事后.{0,3}备案|出院.{0,8}(没|未|才|还没).{0,4}备案|住院.{0,3}后备案|现在备案|还能补|能补|补吗|住院期间补|没备案.{0,4}(怎么办|咋办)|后备案|(?<!没)来得及备案|出院前.{0,4}备案|出院.{0,2}(后|了).{0,6}备案|补刷|当场补|才想起来|才发现|才知道|还来得及|发现没备案|没备案就|没备案.{0,6}(现在|怎么办|咋办)|忘(记|了)?备案|先.{0,4}再.{0,2}备案|再补备案|没备案.{0,4}(能报|还能报|报吗)|没及时备案|不及时备案|没备案会/u, 4],
  ],
  find_hospital: [
    [/选.{0,4}医院|定点医院|指定.{0,4}医院|哪些医院|哪家医院|哪个医院|换.{0,4}医院|所有医院|医院都能|联网.{0,4}医院|备.{0,6}两个城市|两个城市.{0,6}备案|同时在|全省.{0,3}医院|只能去|(能|可以)(刷|用|结算|直接结算).{0,10}医院|医院名单|医院列表|开通.{0,8}医院|医院.{0,4}(开通|联网)|在哪些医院|哪些医院|私立医院|民营医院|哪个医院都|医院都可以|去哪个医院/u, 4],
    // (没有备案 医院能刷卡吗 asks whether registering is needed, not which hospital.)
    [/(?<!没|没有|未|不)备案(后|以后|了|地)?.{0,12}(医院|卫生院|诊所).{0,6}(能|可以)/u, 4.5],
    [/(看|找|搜)(一下|下)?.{0,4}(定点|联网)(医院|药店|机构)?|查.{0,6}(定点|医院)|医院名单|医院列表|定点药店|药店名单|(医院|附院|院).{0,4}能刷异地|查医院|医院能不能/u, 5],
  ],
  review_time: [
    [/审核|多久能批|几天能批|批下来|(办理?)?备案.{0,4}(要|需要|得)(多久|多长时间|几天)$|(多久|几天|多长时间|几个工作日|什么时候|马上).{0,6}(审|批|生效|通过|能用|可以用|可以去|能去|出结果|好)|生效|审核中|等几天|要等|等多久|没消息|还没(批|通过|下来|结果)|多久能.{0,4}下来|备案下来|即时|立刻|(今天|当天|刚)备案.{0,8}(明天|马上|能)/u, 4.5],
  ],
  check_result: [
    [/查询|成功没|成功了没|办成了没|成没成|在哪看|哪里(能)?看|看到|备案记录|备案状态|短信|有没有成功|批下来了吗|通过没|有没有通过|通过了没|被退回|退回了|没通过|不通过|驳回|会通知|通知吗|确认.{0,6}备案|备案了没|受理/u, 4.5],
    [/提示吗|会有提示|有提示|什么页面|哪个页面|成功了?(怎么证明|怎么看|在哪看)|怎么证明|审核进度|审核结果|进度/u, 5],
    [/查/u, 3],
  ],
  deposit: [
    [/押金|预交金|先交钱|预缴|先交.{0,3}钱|住院.{0,6}交钱|交钱.{0,4}住院|入院.{0,4}交/u, 4.5],
  ],
  maternity: [
    [/生孩子|生完(孩子|小孩|娃|宝宝)?|剖宫产|孕检|孕期|生的孩子|生了孩子|生小孩|生了个|产假|生育|分娩|要生了|快生了|预产期|产检|怀孕|孕妇|剖腹产|顺产|待产|二胎|出生|生娃|娘家.{0,4}生|坐月子/u, 4.5],
  ],
  serious_illness: [
    // Above an amount with "能报多少": the serious-illness layer is what the person asks about.
    [/大病|重大疾病|大额|医疗救助|补充医疗|补充医保|补充保险|二次报销|一单结算|一站式/u, 6.5],
  ],
  ratio_change: [
    [/比例.{0,8}(降|低|一样|打折|不同|区别|会)|降低|打折|打八折|打几折|八折|九折|降多少|降不降|先自付|先自理|报的多不多|报得多不多|按哪边|按哪里|按哪个地方|参保地还是就医地|比例会|会降|比本地|报得少|报的少|报得多|报的多|会少|少报|少报销/u, 4],
    [/(未|没|不)备案.{0,6}比例/u, 4.5],
    [/按(老家|参保地|家里|户口|户籍|原籍|家乡|本地)(的)?.{0,4}还是(按)?(看病|就医|医院|治病|住院|外地)(的)?(地方|那边|那里|城市|地)?|按(看病|就医|医院)的?(地方|那边|地)还是(按)?(老家|参保地)/u, 5.5],
    [/跟哪.{0,4}有关|哪个城市|按哪个|按照参保地|按参保地|哪里的.{0,4}目录|用哪里的|哪边的.{0,4}目录|目录不一样|目录不同|目录.{0,4}(区别|差别)/u, 5],
  ],
  help: [
    [/(?<!有|很有)帮助|你能干|你会|你是干|你是谁|能问|问些什么|怎么用这个|怎么使用|菜单|人工|客服|功能|使用说明|想了解|想问问|介绍一下|官方|你们是|机器人|怎么问|问你|你叫什么|咨询|帮我做什么|能做什么|问一下$|问个事|问点事|事情问|^怎么用$|^说明$|能干啥|干啥用|能干嘛|能回答|回答什么|可以问|能问/u, 3],
    [/机器人|你能|你可以|能查什么|可以查什么|查些什么/u, 4],
    [/怎么用这个|这个怎么用/u, 4],
  ],
};

const TOPIC_ENTRIES = Object.entries(TOPIC) as [Intent, Cue[]][];
/** Every cue pattern in table order: a message is tested only against those it could match. */
export const CUE_PATTERNS: readonly RegExp[] = TOPIC_ENTRIES.flatMap(([, cues]) => cues.map(([pattern]) => pattern));
const CUES = new CueIndex(CUE_PATTERNS);
/** The table flattened, in the same order as CUE_PATTERNS: each cue's weight, canceller and intent (by position in TOPIC_ENTRIES). */
const CUE_WEIGHTS = Float64Array.from(TOPIC_ENTRIES.flatMap(([, cues]) => cues.map(([, weight]) => weight)));
const CUE_UNLESS: readonly (RegExp | undefined)[] = TOPIC_ENTRIES.flatMap(([, cues]) => cues.map((cue) => cue[2]));
const CUE_INTENT = Uint8Array.from(TOPIC_ENTRIES.flatMap(([, cues], i) => cues.map(() => i)));
/** Reused by every call (a parse is synchronous): which cues may match, and each intent's strongest cue and sum. */
const possible = new Uint8Array(CUE_PATTERNS.length);
const intentMax = new Float64Array(TOPIC_ENTRIES.length);
const intentSum = new Float64Array(TOPIC_ENTRIES.length);

const GREETING = /^(你好|您好|hi|hello|hey|哈喽|哈啰|嗨|在吗|在不在|早上好|早|中午好|下午好|晚上好|谢谢|谢谢你|谢谢啦|多谢|感谢|好的|好|知道了|明白了|ok|收到|嗯|啊|呀|啦|你|了|的|请问|么|在么|哦|有人吗|有人在吗|有人|好滴|好哒|好嘞|好呀|明白|打扰了|打扰|小助手|助手|谢了|非常|很|太|有用|有帮助|好了|辛苦了|辛苦|谢了哈|谢啦|谢谢您|您|嘞|谢谢哈|好哈|好的哈|懂了|清楚了|了解了|了解|知道啦|明白啦|行|行吧|可以了|麻烦了|麻烦你了|麻烦您了|帮大忙了|帮了大忙|大忙|感谢感谢|okay|thanks|thx)+$/u;
const CANCEL = /^(算了|取消|不用了|退出|不办了|先不办了|不弄了|不问了|不算了|不要了|结束|停|停止|拜拜|再见|我不想办了|不想办了|不想问了|先这样|吧|啦|了|我|好了|就这样|不聊了|不说了|停一下|暂停|一下|没事了|没事|改天再说|改天|再说|先|不问了|不需要了|太麻烦|麻烦|太麻烦了|主菜单|返回主菜单|回主菜单|我自己去问|自己去问|我自己|去问)+$/u;
const CANCEL_WORD = /算了|取消|不用|退出|不办|不弄|不问|不算|不要|结束|停|暂停|拜拜|再见|不想|先这样|就这样|不聊|不说了|没事了|改天|不需要|主菜单/u;
const BACK = /上一步|返回|退回|回到上一|上一个问题|回上一|改一下刚才|改刚才|刚才的回答|刚才那个|填错了|撤回|上一题|往回退|退一步|后退|说错了|搞错了|选错了|写错了|撤销刚才|刚才的输入|刚才输入/u;
const RESTART = /重新开始|重来|从头|重新填|再来一遍|重新来|全部重新|重新问|换个问题|重新算|再来一次|重新再来|重头/u;

/** Equal scores: the more specific topic answers the question better than the generic one. */
const PRIORITY: Intent[] = [
  "out_of_scope", "definition", "ratio_change", "emergency", "maternity", "deposit", "serious_illness", "chronic_disease",
  "hotline", "cancel_change", "claim_deadline", "need_register",
  "makeup_registration", "find_hospital", "check_result", "review_time", "validity", "outpatient",
  "manual_claim", "registration_materials", "at_hospital", "who_can_register", "estimate", "eligibility", "registration_channels", "registration_howto", "help",
];

export interface IntentScore {
  intent: Intent;
  score: number;
  runnerUp: number;
  /** every intent with a cue, best first (for the likeliest readings when unsure) */
  ranked?: [Intent, number][];
}

/** "没看懂" and nothing else: the reply was not understood (啥意思 after an answer). */
const NOT_UNDERSTOOD = /^(你说的|你讲的|你写的|你说得|你这说的|你这个|这个|这|啥玩意儿?|什么玩意儿?){0,2}(我|俺)?(还是|真的?|完全|有点|有些|没太|不太|看了)?(没看懂|看不懂|没懂|不懂|没明白|不明白|听不懂|没听懂|看不明白|搞不懂|不太懂|不太明白|没太懂|没太明白|不理解|没理解|糊涂|晕|没太看懂|没大看懂|没怎么看懂)(你说的|你的意思|你说啥|你这个|这个|啥意思|什么意思|呢|啊|呀|哦|了|额|诶)*((能|可以|麻烦|你)?(再)?(说|讲|解释)(得|的)?(简单|通俗|明白|清楚|详细|直白)(一?点|些)(吗|不|嘛|呗|啊)?)?$|^(你|你这|这)?(说的|说|写的|讲的)?(是)?(啥|什么|啥子)(意思)(啊|呀|呢|哦)*$|^(你|你这|这|这个)(说的|写的|讲的|回答的|回的)(是)?(啥|什么|啥子)(啊|呀|呢|哦|玩意儿?)*$|^(啥|什么)(玩意|东西)(啊|呀)?$|^(能|可以|麻烦)?(说|讲)?(简单|通俗|明白|清楚)(一?点|些)(吗|不|嘛)?$|^(说)?人话$|^(啥|什么)意思(啊|呀|呢)?(能|可以)?(说|讲)(得)?(简单|通俗|明白|清楚)(一?点|些)(吗|不|嘛)?$/u;

/** A bare word for the whole field (医保, 异地就医): the person wants to ask something; the menu helps. */
const BARE_FIELD = /^(我想问)?(医保|社保|异地医保|异地就医|医保的事|医保的问题|社保的事)(啊|呀|吧)?$/u;
/**
 * Words of the field. A short message without any (怎么弄啊, 这个咋整) names no topic: its
 * generic how-words do not make it a question about registering or eligibility.
 */
const FIELD_WORD = /备|报|医|保|院|诊|病|药|卡|结算|押金|生|材料|证|电话|手机|app|审核|异地|外地|老家|转|退|班|费|钱|万|千|块|办理|申请/u;
const GENERIC_ONLY: readonly Intent[] = ["registration_howto", "eligibility"];
const MAX_GENERIC_LENGTH = 6;

const NOT_COMPACT = /[\s,，。.!！?？~～、…;；:："'“”‘’()（）\[\]【】\p{Extended_Pictographic}\u{FE0F}]/gu;

function compact(text: string): string {
  return text.replace(NOT_COMPACT, "");
}

/** Scores every intent; `hints` adds what other readers found (an amount, places, a setting). */
/**
 * Topics the estimate reads as a fact of its own (急诊 → the emergency rule, 门诊慢特病 → the
 * setting, a 押金 beside the bill → its own slot): in a message that states the whole case (a
 * bill and both places), they describe it, they are not the question. The conversation says the
 * deposit rule before the figures when a deposit came with the bill.
 */
const FACTS_OF_AN_ESTIMATE: readonly Intent[] = ["emergency", "deposit", "chronic_disease"];

/**
 * The same, said in other words: a not-understood core with nothing else beside it but words that
 * point at the reply or ask for it plainer (没明白你意思, 啥意思啊这是, 看不懂啊 能不能说简单点).
 * Anything left over (起付线是啥意思, 不懂怎么备案) is a question of its own.
 */
const NOT_UNDERSTOOD_CORE = /没看懂|看不懂|没懂|不懂|没看明白|看不明白|没明白|不明白|听不懂|没听懂|搞不懂|不理解|没理解|啥意思|什么意思|啥子意思/u;
const ABOUT_THE_REPLY = /能不能|可不可以|可以|麻烦|意思|简单|通俗|明白|清楚|直白|一点|一些|人话|回答|有点|完全|真的|[你我俺他这那是个的得说讲写再点些啊呀吧呢哦嘛了额诶还真太吗不啥么呗嗯]/gu;
function notUnderstoodInOtherWords(short: string): boolean {
  const core = NOT_UNDERSTOOD_CORE.exec(short);
  if (!core) return false;
  return (short.slice(0, core.index) + short.slice(core.index + core[0].length)).replace(ABOUT_THE_REPLY, "") === "";
}

/**
 * The readings next to a weak one (备案问题, 报销的事): when only one intent had a cue and a weak
 * one, these fill the two or three likeliest readings offered as choices (index.ts `candidates`).
 */
const NEIGHBOURS: Partial<Record<Intent, Intent[]>> = {
  registration_howto: ["registration_materials", "registration_channels", "who_can_register"],
  registration_materials: ["registration_howto", "manual_claim"],
  manual_claim: ["estimate", "claim_deadline"],
  estimate: ["manual_claim", "eligibility"],
  eligibility: ["need_register", "registration_howto", "estimate"],
  at_hospital: ["find_hospital", "manual_claim"],
  find_hospital: ["at_hospital", "registration_channels"],
  validity: ["cancel_change", "review_time"],
  check_result: ["review_time", "registration_channels"],
};
/** A definitional question (terms.ts) outweighs the estimate, ratio and catalogue words it names. */
const DEFINITION_WEIGHT = 7;
/** Below this weight a cue is a lean: it never adds to the other cues of its intent. */
const LEAN = 1;
/** A cue this weak leaves the reading open (confidence well below the threshold for choices). */
const WEAK_CUE = 3;

function withNeighbours(ranked: [Intent, number][]): [Intent, number][] {
  const best = ranked[0];
  if (!best || best[1] >= WEAK_CUE || ranked.length >= 3) return ranked;
  const more = (NEIGHBOURS[best[0]] ?? []).filter((i) => !ranked.some(([r]) => r === i));
  // A token score: listed after every intent that had a cue of its own, never deciding anything.
  return more.length === 0 ? ranked : [...ranked, ...more.map((i): [Intent, number] => [i, 0.01])];
}

const THANKS = /谢谢你?|谢谢啦|多谢|感谢|好的|好吧/gu;
const DOMAIN_WORD = /备案|报销|医保|审核/u;
const DOMAIN_WORD_LONG = /备案|报销/u;
/** A bill with a question about it. */
const ASKS_ABOUT_BILL = /能报|报吗|报不|多少|能不能报|报销|报几/u;

export function scoreIntent(text: string, hints: { amount: boolean; places: number; slots: number; scenario?: boolean }): IntentScore {
  const short = compact(text);
  if (short.length > 0 && short.length <= 14 && (NOT_UNDERSTOOD.test(short) || notUnderstoodInOtherWords(short))) return { intent: "not_understood", score: 5, runnerUp: 0 };
  if (short.length > 0 && short.length <= 12) {
    // "不想问了 谢谢": the thanks do not change that it is a goodbye.
    const withoutThanks = short.replace(THANKS, "");
    if (CANCEL_WORD.test(short) && (CANCEL.test(short) || (withoutThanks !== "" && CANCEL.test(withoutThanks)))) return { intent: "cancel", score: 5, runnerUp: 0 };
    // 备案被退回了: a question about the registration, not a step back in the conversation.
    const domain = DOMAIN_WORD.test(short);
    if (RESTART.test(short) && !domain) return { intent: "restart", score: 5, runnerUp: 0 };
    if (BACK.test(short) && !domain) return { intent: "back", score: 5, runnerUp: 0 };
  } else if (short.length <= 20 && (RESTART.test(short) || BACK.test(short)) && !DOMAIN_WORD_LONG.test(short) && !hints.amount && hints.places === 0) {
    // (押金2万 总共花了1.8万 退回来多少: a bill is a question, whatever 退回 says)
    return { intent: RESTART.test(short) ? "restart" : "back", score: 4, runnerUp: 0 };
  }

  const scores = new Map<Intent, number>();
  CUES.mark(text, possible);
  intentMax.fill(0);
  intentSum.fill(0);
  // Only the cues the index let through, in table order (so each sum adds up as before).
  for (let k = 0; k < possible.length; k++) {
    if (possible[k] === 0 || !(CUE_PATTERNS[k] as RegExp).test(text) || CUE_UNLESS[k]?.test(text)) continue;
    const i = CUE_INTENT[k] as number;
    const weight = CUE_WEIGHTS[k] as number;
    // A lean (weight below 1: 报销, 结算 alone) counts only when nothing else of its intent does.
    if (weight >= LEAN) intentSum[i] = (intentSum[i] as number) + weight;
    if (weight > (intentMax[i] as number)) intentMax[i] = weight;
  }
  for (let i = 0; i < TOPIC_ENTRIES.length; i++) {
    // The strongest cue decides; further cues of the same intent add a little, so a pile of
    // generic words (备案 + 怎么办 + 办) cannot outweigh one specific topic word.
    const max = intentMax[i] as number;
    if (max > 0) scores.set((TOPIC_ENTRIES[i] as [Intent, Cue[]])[0], max + 0.25 * ((intentSum[i] as number) - (max >= LEAN ? max : 0)));
  }
  // 起付线是啥意思, 什么是乙类: the meaning of a word, above the estimate its words would suggest
  // (kept out of the cue table: its long list of words is tried only after a cheap test, terms.ts).
  if (asksMeaning(text)) scores.set("definition", DEFINITION_WEIGHT);
  if (hints.amount) {
    // A bill with a question about it is an estimate; the bill alone only leans that way.
    const asks = ASKS_ABOUT_BILL.test(text);
    const fromBill = 2 + (asks ? 2 : 0) + (hints.places > 0 ? 1 : 0);
    const cue = scores.get("estimate") ?? 0;
    scores.set("estimate", Math.max(cue, fromBill) + 0.25 * Math.min(cue, fromBill));
    if (hints.scenario) {
      const fact = Math.max(...FACTS_OF_AN_ESTIMATE.map((i) => scores.get(i) ?? 0));
      if (fact >= (scores.get("estimate") ?? 0)) scores.set("estimate", fact + 0.5);
    }
  }
  // 急诊 and 补备案 together: the emergency rule is what answers it.
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || PRIORITY.indexOf(a[0]) - PRIORITY.indexOf(b[0]));
  const [best, second] = ranked;
  if (best && GENERIC_ONLY.includes(best[0]) && short.length <= MAX_GENERIC_LENGTH && !FIELD_WORD.test(short) && hints.slots === 0) {
    return { intent: "out_of_scope", score: 0, runnerUp: 0 };
  }
  if (short.length > 0 && BARE_FIELD.test(short)) return { intent: "help", score: 3, runnerUp: best?.[1] ?? 0 };
  if (best && best[1] >= 2) {
    return { intent: best[0], score: best[1], runnerUp: second?.[1] ?? 0, ranked: withNeighbours(ranked) };
  }
  if (short.length > 0 && GREETING.test(short)) return { intent: "greeting", score: 4, runnerUp: 0 };
  // Nothing asked in words: places or a bill still say what the person is after.
  if (hints.places >= 1 && hints.slots >= 1 && (!best || best[1] < 1)) return { intent: "eligibility", score: 1.5, runnerUp: best?.[1] ?? 0 };
  if (best) return { intent: best[0], score: best[1], runnerUp: second?.[1] ?? 0, ranked: withNeighbours(ranked) };
  return { intent: "out_of_scope", score: 0, runnerUp: 0 };
}

/** 0..1: high when a strong cue won by a clear margin, low for a default. */
export function confidenceOf(s: IntentScore): number {
  if (s.score <= 0) return 0.2;
  const strength = Math.min(1, s.score / 6);
  const margin = Math.min(1, (s.score - s.runnerUp) / 3);
  return Math.round((0.35 + 0.4 * strength + 0.25 * margin) * 100) / 100;
}
