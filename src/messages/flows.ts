/** User-facing text of the conversation flows (router, eligibility, registration, estimate, claim). */
export const flowMessages = {
  welcome: "您好！我是异地就医助手。我可以帮您：",
  menuChoices: { eligibility: "看我属于哪种异地就医", registration: "备案怎么办", estimate: "估算能报多少", claim: "手工报销要哪些材料" },
  resetApology: "抱歉，之前的对话记录无法继续使用，我们从头开始。",
};
