/** User-facing text of the command line. */
export const messages = {
  help: `yidi — 异地就医助手

用法：
  yidi chat                              在终端里聊天（默认）
  yidi chat --script FILE [--json]       按脚本逐行对话，每条消息输出一行 JSON
  yidi estimate [--policy FILE] [--json] [FILE|-]
                                         读取场景 JSON，估算报销金额
  yidi policies [--policy FILE] [--json] 列出有数据的统筹区、版本和来源
  yidi nlu "文本"                        输出理解结果（意图和槽位）JSON
  yidi wechat menu                       打印微信公众号自定义菜单的 JSON
  yidi --help                            显示本帮助
`,
  unknownCommand: (name: string) => `未知命令「${name}」。运行 yidi --help 查看可用命令。\n`,
  internalError: "抱歉，程序出了点问题，请稍后再试。设置 YIDI_DEBUG=1 可查看详情。\n",
};

export const estimateCli = {
  usage: "用法：yidi estimate [--policy FILE] [--json] [FILE|-]（不给 FILE 时从标准输入读取场景 JSON）\n",
  cannotRead: (file: string) => `无法读取文件「${file}」。`,
  notAFile: (file: string) => `「${file}」不是普通文件（设备、管道或目录）。要从管道读入，请写 - 并通过标准输入传入。`,
  tooLarge: (file: string, limit: string) => `「${file}」太大（超过 ${limit}），不像是一个场景。`,
  policyWarning: (line: string) => `注意：政策文件 ${line}`,
  emptyInput: "没有读到场景 JSON。请给出文件名，或通过标准输入传入。",
  badJson: (reason: string) => `场景不是有效的 JSON：${reason}`,
  invalid: "场景有误：",
  badArgs: (reason: string) => `参数有误：${reason}`,
};

export const policiesCli = {
  header: "有政策数据的统筹区：",
  typical: "其他地区：使用「典型模板」估算，并明确标注不是当地政策。",
  line: (code: string, name: string, scheme: string, versions: string, sources: string) =>
    `${code} ${name} ${scheme}：${versions}\n    来源：${sources}`,
  scheme: { employee: "职工", resident: "居民" } as Record<string, string>,
  check: {
    errors: (n: number) => `错误（${n} 处，文件不会被加载）：`,
    error: (file: string, problem: string) => `  ${file}：${problem}`,
    warnings: (n: number, months: number) => `现行数字的来源可能已超过 ${months} 个月或日期不明（${n} 个来源，估算时会提醒）：`,
    warning: (region: string, source: string, title: string, when: string, usedIn: string) => `  ${region} ${source}《${title}》：${when}；用于 ${usedIn}`,
    unknown: "发布日期不明",
    old: (published: string) => `${published} 发布`,
    clean: (files: number) => `已检查 ${files} 个文件：没有错误。`,
    failed: (n: number, files: number) => `已检查 ${files} 个文件：${n} 处错误。`,
  },
};
