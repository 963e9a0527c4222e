/** What the Telegram bot and its HTTP server say themselves (the flows speak through replies). */
export const botMessages = {
  commands: [
    { command: "start", description: "开始：选一件要办的事" },
    { command: "help", description: "能帮您做什么" },
    { command: "register", description: "备案指引：怎么办、要带什么" },
    { command: "eligibility", description: "我属于哪种异地就医" },
    { command: "estimate", description: "报销估算：大概能报多少" },
    { command: "claim", description: "手工报销要哪些材料" },
    { command: "resume", description: "继续刚才的问题" },
    { command: "cancel", description: "取消当前问答" },
    { command: "forget", description: "删除我在这里的全部记录" },
  ],
  forgotten: "已删除您在这里的全部记录。想重新开始，发 /start 即可。",
  storeDown: "系统有点忙，请稍后再试。",
  apology: "抱歉，刚才处理出错了，您的进度没有丢。请再发一次，或发 /start 重新开始。",
  replyLost: "抱歉，刚才的回复没能发出去，不过您的回答已经记下了，不用重复。发 /resume，我把当前的问题再问一遍。",
  staleButton: "这个按钮已过期，请用最新一条消息里的按钮。",
  forgedButton: "这个按钮无法识别，没有做任何改动。",
  tooFast: "您发得太快了，请稍等几秒再发。",
  notText: "我只能看懂文字和按钮，请用文字描述您的问题。",
  captionOnly: "图片里的内容我看不了，下面按您配的文字回答。",
  editedIgnored: "消息改过之后我不会重新读。要改刚才的答案，请发「返回」再重新回答，或者直接发一条新消息。",
  groupHello:
    "大家好！我是异地就医助手，可以帮忙查异地就医怎么备案、能报多少、怎么手工报销。在群里请用命令（例如 /estimate），回答问题时请回复我的消息。身份证号、电话这类个人信息请不要发在群里，可以私聊我。",
  sourcesTitle: "来源：",
  /** Shown when a reply has no words of its own (only buttons): Telegram refuses an empty message. */
  emptyReply: "好的。",
  picked: (label: string) => `✓ ${label}`,
  http: {
    badJson: "请求体不是有效的 JSON",
    notJsonType: "请求体应为 JSON：请用 Content-Type: application/json",
    notObject: "请求体应为一个 JSON 对象（就医情景），例如 {\"insured\": …, \"treatment\": …, \"costs\": …}",
    badRequest: "请求地址无效",
    internal: "服务器内部出错，请稍后再试",
    tooLarge: (limit: number) => `请求体太大（上限 ${limit} 字节）`,
    notFound: "没有这个地址",
    methodNotAllowed: "不支持这个请求方法",
    unauthorized: "密钥不对",
    tooMany: "请求太频繁，请稍后再试",
    timeout: "请求太慢，已断开",
  },
  polling: {
    conflict:
      "另一个进程正在用同一个 BOT_TOKEN 接收消息（长轮询只能有一个）；请先停掉它，或改用 webhook / another process is polling with this BOT_TOKEN: stop it, or use webhook mode",
    unauthorized: "BOT_TOKEN 已失效（可能在 @BotFather 里被 /revoke 了）/ BOT_TOKEN was rejected by Telegram (revoked?)",
    failed: (what: string) => `长轮询停止了 / long polling stopped: ${what}`,
  },
  config: {
    missingToken:
      "缺少 BOT_TOKEN：请先从 @BotFather 取得令牌，再运行 BOT_TOKEN=<令牌> npm run bot / BOT_TOKEN is missing: get a token from @BotFather and run BOT_TOKEN=<token> npm run bot",
    invalid: (what: string) => `配置有误 / invalid configuration: ${what}`,
  },
} as const;
