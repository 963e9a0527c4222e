/** What the WeChat Official Account (公众号) channel says itself; the flows speak through replies. */
export const wechatMessages = {
  /** Under a numbered list of choices: WeChat text has no buttons. */
  pickByNumber: "回复数字即可",
  /** Under the clickable choices of a 客服 menu message (msgmenu). */
  tapOrNumber: "点选上面的一项即可",
  /** Said before the assistant's welcome when someone follows the account. */
  subscribed: "感谢关注！",
  /** Pictures, locations, links, voice without recognition…: only typed words are read. */
  notText: "抱歉，图片、语音、位置这类消息我还看不懂，请打字告诉我。例如：我在苏州交的职工医保，在上海住院花了3万，能报多少",
  forgotten: "已删除您在这里的全部记录。想重新开始，回复“开始”即可。",
  storeDown: "系统有点忙，请稍后再发一次。",
  apology: "抱歉，刚才处理出错了，您的进度没有丢。请再发一次，或回复“开始”重新开始。",
  /** A redelivered message whose reply could not be recovered (the instance that had it stopped). */
  alreadyApplied: "您的这条消息已经收到并记下了，不用重复发。回复“继续”，我把当前的问题再问一遍。",
  sourcesTitle: "来源：",
  /** A reply with no words of its own: WeChat shows nothing for empty content. */
  emptyReply: "好的。",
  /** When a reply would need more than the platform lets us send after one message. */
  truncated: "（内容较长，后面的部分没有发出。回复“继续”可以接着看当前的问题。）",
  /** Words that erase the conversation, as /forget does in Telegram. */
  forgetWords: ["删除我的记录", "删除记录", "忘记我"],
  /** The custom menu the operator installs (npx yidi wechat menu). */
  menu: { register: "备案指引", estimate: "能报多少", claim: "手工报销" },
  config: {
    invalid: (what: string) => `微信公众号配置有误 / invalid WeChat configuration: ${what}`,
    missing: (name: string) => `设置了 WECHAT_TOKEN 就必须设置 ${name} / ${name} is required when WECHAT_TOKEN is set`,
    token: "WECHAT_TOKEN 须为 3–32 个英文字母或数字（与公众平台“服务器配置”里填写的一致）",
    aesKey: "WECHAT_AES_KEY 须为 43 个英文字母或数字（公众平台“消息加解密密钥 EncodingAESKey”）",
    appId: "WECHAT_APPID 的格式应为 wx 开头的 18 位，例如 wx1234567890abcdef",
    appSecret: "WECHAT_APPSECRET 须为 32 位字母或数字（公众平台“开发者密码 AppSecret”）",
    path: "WECHAT_PATH 须以 / 开头，例如 /wechat",
  },
  cli: {
    menuUsage: "用法：yidi wechat menu   打印公众号自定义菜单的 JSON（POST 到 cgi-bin/menu/create）\n",
  },
} as const;
