/** User-facing text of the language tools. */
export const languageMessages = {
  nluUsage: "用法：yidi nlu \"文本\"  —— 输出这句话的意图和槽位（JSON，一行）\n",
  /** what redaction puts in place of an ID number, phone number or name */
  redacted: "〔已隐去〕",
};
