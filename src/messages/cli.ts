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
  yidi --help                            显示本帮助
`,
  unknownCommand: (name: string) => `未知命令「${name}」。运行 yidi --help 查看可用命令。\n`,
  internalError: "抱歉，程序出了点问题，请稍后再试。设置 YIDI_DEBUG=1 可查看详情。\n",
};
