/** The bot end to end over loopback HTTP: webhook in, the real grammY client out to a Bot API stand-in. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/index.ts";
import { botMessages as m } from "../../src/messages/bot.ts";
import { BOT_INFO, FakeTelegram, updates } from "../../src/channels/telegram/testing/stand-in.ts";
import { shown, startHarness, SECRET, type Harness } from "./harness.ts";
import { driveToEnd } from "./drive.ts";

let tg: FakeTelegram;
let store: MemoryStore;
let h: Harness;

beforeEach(async () => {
  tg = await new FakeTelegram().start();
  store = new MemoryStore();
  h = await startHarness({ store, tg });
});
afterEach(async () => {
  await h.stop();
  await tg.stop();
});

describe("telegram bot over a webhook", () => {
  it("publishes its commands with Chinese descriptions", () => {
    const [call] = tg.callsOf("setMyCommands");
    const names = call!.params.commands.map((c: { command: string }) => c.command);
    expect(names).toEqual(["start", "help", "register", "eligibility", "estimate", "claim", "resume", "cancel", "forget"]);
    for (const c of call!.params.commands) expect(c.description).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("a whole estimate by buttons (and the typed answers the questions need) ends in an explained estimate", async () => {
    await h.text(7, "/start");
    await h.press(7, "估算能报多少");
    const steps = await driveToEnd(h, 7);
    expect(steps).toBeGreaterThan(5);
    const texts = shown(tg, 7);
    const result = texts.find((t) => t.includes("怎么算的") && t.includes("医保基金支付"));
    expect(result).toBeDefined();
    // Every press was acknowledged, and question-after-question edited the message in place.
    expect(tg.callsOf("answerCallbackQuery").length).toBeGreaterThanOrEqual(steps - 3);
    expect(tg.callsOf("editMessageText", 7).length).toBeGreaterThan(0);
    for (const c of tg.callsOf("sendMessage", 7)) expect(c.params.parse_mode).toBe("HTML");
  });

  it.each([
    ["/eligibility", "参保"],
    ["/register", "参保"],
    ["/claim", "直接结算"],
    ["/estimate", "参保"],
  ])("%s runs its flow to the end by buttons and typed answers, without an apology or an error", async (command, first) => {
    const chatId = 100 + command.length;
    await h.text(chatId, command);
    expect(shown(tg, chatId)[0]).toContain(first);
    await driveToEnd(h, chatId);
    const texts = shown(tg, chatId);
    expect(texts).not.toContain(m.apology);
    expect(texts).not.toContain(m.storeDown);
    expect(h.lines.filter((l) => l.level >= 50)).toEqual([]);
    // /cancel goes back to the menu from anywhere.
    await h.text(chatId, command);
    await h.text(chatId, "/cancel");
    expect(h.keyboard(chatId)!.buttons.map((b) => b.callback_data.split("|")[2])).toContain("go:estimate");
  });

  it("registration steps are navigated in one message edited in place", async () => {
    await h.text(8, "/register");
    await h.text(8, "苏州");
    await h.text(8, "上海");
    await h.press(8, 0);
    const before = tg.callsOf("editMessageText", 8).length;
    const kb = h.keyboard(8)!;
    expect(kb.text).toContain("第 1/6 步");
    await h.press(8, kb.buttons.findIndex((b) => b.callback_data.endsWith("|next")));
    const edits = tg.callsOf("editMessageText", 8);
    expect(edits.length).toBe(before + 1);
    expect(edits.at(-1)!.params.message_id).toBe(kb.messageId);
    expect(String(edits.at(-1)!.params.text)).toContain("第 2/6 步");
  });

  it("a press that ends the questions keeps the old message's formatting (its sources quote) and marks the pick", async () => {
    await h.text(37, "/register");
    await h.text(37, "苏州");
    await h.text(37, "上海");
    await h.press(37, 0);
    const next = () => h.press(37, h.keyboard(37)!.buttons.findIndex((b) => b.callback_data.endsWith("|next")));
    await next();
    await next();
    await next();
    const step = h.keyboard(37)!;
    expect(step.entities?.some((e) => e.type === "expandable_blockquote")).toBe(true);
    const all = step.buttons.find((b) => b.callback_data.endsWith("|all"))!;
    await h.press(37, step.buttons.indexOf(all));
    const marked = tg.callsOf("editMessageText", 37).find((c) => c.params.message_id === step.messageId && String(c.params.text).includes("✓"));
    expect(marked).toBeDefined();
    expect(marked!.error).toBeUndefined();
    expect(String(marked!.params.text)).toContain("<blockquote expandable>");
    expect(String(marked!.params.text)).not.toContain("&lt;blockquote");
    expect(String(marked!.params.text)).toContain(`✓ ${all.text}`);
    expect(marked!.params.reply_markup?.inline_keyboard?.length ?? 0).toBe(0);
  });

  it("a message too long to take the ✓ still loses its buttons", async () => {
    const body = "说明".repeat(2046) + "<&>";
    const step = (stored: string | null) =>
      stored === null
        ? { replies: [{ text: body, choices: [{ id: "ok", label: "好的，就这样" }] }], stored: "1" }
        : { replies: [{ text: "完成" }], stored: "2" };
    const s = await startHarness({ store: new MemoryStore(), tg, step });
    await s.text(38, "hi");
    const kb = s.keyboard(38)!;
    expect(Array.from(kb.text).length).toBe(4095);
    await s.press(38, 0);
    const touched = tg.calls.filter((c) => c.method.startsWith("edit") && Number(c.params.chat_id) === 38 && c.params.message_id === kb.messageId && !c.error);
    expect(touched).toHaveLength(1);
    expect(touched[0]!.params.reply_markup?.inline_keyboard?.length ?? 0).toBe(0);
    expect(shown(tg, 38).at(-1)).toBe("完成");
    await s.stop();
  });

  it("when a message cannot be edited in place, the next question comes as a new message", async () => {
    await h.text(27, "/estimate");
    await h.text(27, "苏州");
    await h.press(27, "职工医保");
    await h.text(27, "上海");
    tg.failOnce("editMessageText", 400);
    await h.press(27, "住院");
    const sends = tg.callsOf("sendMessage", 27);
    expect(sends.at(-1)!.params.text).toContain("几级医院");
    expect(sends.at(-1)!.params.reply_markup).toBeDefined();
    expect(h.lines.some((l) => l.kind === "edit_failed")).toBe(true);
  });

  it("a whole estimate by text alone; a quick turn needs no typing action", async () => {
    await h.text(9, "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少");
    expect(shown(tg, 9).some((t) => t.includes("医保基金支付"))).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(tg.callsOf("sendChatAction", 9)).toHaveLength(0);
  });

  it("text after a flow command is its first answer: /estimate with the whole question gives the estimate", async () => {
    await h.text(92, "/estimate 我在苏州交的职工医保，在上海三甲医院住院花了3万");
    const texts = shown(tg, 92);
    expect(texts.join("\n")).not.toContain("您在哪里参保");
    expect(texts.at(-1)).toContain("备案");
    await h.text(93, "/register@yidi_test_bot 苏州");
    expect(shown(tg, 93)).toHaveLength(1);
    expect(shown(tg, 93)[0]).toContain("就医地");
  });

  it("a slow turn shows typing… while it is being computed", async () => {
    const slow = new MemoryStore();
    const get = slow.get.bind(slow);
    slow.get = async (id) => {
      await new Promise((r) => setTimeout(r, 400));
      return get(id);
    };
    const s = await startHarness({ store: slow, tg });
    await s.text(90, "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少");
    const action = tg.callsOf("sendChatAction", 90);
    expect(action).toHaveLength(1);
    expect(action[0]!.params.action).toBe("typing");
    const reply = tg.callsOf("sendMessage", 90)[0]!;
    expect(action[0]!.at).toBeLessThanOrEqual(reply.at);
    await s.stop();
  });

  it("a slow button press shows typing… too", async () => {
    const slow = new MemoryStore();
    const s = await startHarness({ store: slow, tg });
    await s.text(91, "/start");
    const get = slow.get.bind(slow);
    slow.get = async (id) => {
      await new Promise((r) => setTimeout(r, 400));
      return get(id);
    };
    await s.press(91, "估算能报多少");
    const action = tg.callsOf("sendChatAction", 91);
    expect(action).toHaveLength(1);
    expect(action[0]!.params.action).toBe("typing");
    await s.stop();
  });

  it("/forget deletes everything kept for the chat; the next message starts afresh", async () => {
    await h.text(10, "/estimate");
    await h.text(10, "苏州");
    expect(await store.get("10")).not.toBeNull();
    await h.text(10, "/forget");
    expect(await store.get("10")).toBeNull();
    expect(shown(tg, 10).at(-1)).toBe(m.forgotten);
    const old = h.keyboard(10);
    await h.text(10, "/start");
    expect(shown(tg, 10).at(-1)).toContain("请选一项");
    expect(old).toBeDefined();
  });

  it("forged callback data is answered politely and changes nothing", async () => {
    await h.text(11, "/start");
    const before = await store.get("11");
    const sentBefore = tg.callsOf("sendMessage", 11).length;
    for (const data of ["hello", "1|zz|go:estimate|x", "2|abc|go:estimate", `1|${"9".repeat(12)}|go:estimate`, "1|abc|<script>", "x".repeat(64)]) {
      expect(await h.post(updates.press(11, data, 1000))).toBe(200);
    }
    const answers = tg.callsOf("answerCallbackQuery");
    expect(answers).toHaveLength(6);
    // Malformed ones are "not ours"; a well-formed one with an unknown version is "expired".
    for (const a of answers) expect([m.forgedButton, m.staleButton]).toContain(a.params.text);
    expect(answers.filter((a) => a.params.text === m.forgedButton).length).toBeGreaterThanOrEqual(5);
    expect(await store.get("11")).toEqual(before);
    expect(tg.callsOf("sendMessage", 11)).toHaveLength(sentBefore);
    expect(tg.callsOf("editMessageText", 11)).toHaveLength(0);
  });

  it("a button from an older message is refused and changes nothing", async () => {
    await h.text(12, "/start");
    const old = h.keyboard(12)!;
    await h.press(12, "估算能报多少");
    const now = await store.get("12");
    const stale = old.buttons.find((b) => b.text === "手工报销要哪些材料")!;
    await h.post(updates.press(12, stale.callback_data, old.messageId));
    expect(tg.callsOf("answerCallbackQuery").at(-1)!.params.text).toBe(m.staleButton);
    expect(await store.get("12")).toEqual(now);
  });

  it("a fast double tap on one button is applied once, and the second tap is not called expired", async () => {
    await h.text(39, "/start");
    const kb = h.keyboard(39)!;
    const button = kb.buttons.find((b) => b.text === "估算能报多少")!;
    const tap = () => h.post(updates.press(39, button.callback_data, kb.messageId, kb.markup, kb.text));
    const before = (await store.get("39"))!.version;
    expect(await Promise.all([tap(), tap()])).toEqual([200, 200]);
    expect((await store.get("39"))!.version).toBe(before + 1);
    const answers = tg.callsOf("answerCallbackQuery");
    expect(answers).toHaveLength(2);
    for (const a of answers) expect(a.params.text).toBeUndefined();
    // Another button of that same old keyboard still is expired.
    const other = kb.buttons.find((b) => b.text === "手工报销要哪些材料")!;
    await h.post(updates.press(39, other.callback_data, kb.messageId, kb.markup, kb.text));
    expect(tg.callsOf("answerCallbackQuery").at(-1)!.params.text).toBe(m.staleButton);
    expect((await store.get("39"))!.version).toBe(before + 1);
  });

  it("a button from before /forget or /cancel is expired: nothing is stored again, nothing changes", async () => {
    await h.text(40, "/estimate");
    await h.text(40, "苏州");
    const beforeForget = h.keyboard(40)!;
    await h.text(40, "/forget");
    await h.post(updates.press(40, beforeForget.buttons[0]!.callback_data, beforeForget.messageId, beforeForget.markup, beforeForget.text));
    expect(tg.callsOf("answerCallbackQuery").at(-1)!.params.text).toBe(m.staleButton);
    expect(await store.get("40")).toBeNull();
    // A fresh conversation after /forget does not take the old buttons either.
    await h.text(40, "/estimate");
    await h.text(40, "苏州");
    const fresh = await store.get("40");
    await h.post(updates.press(40, beforeForget.buttons[0]!.callback_data, beforeForget.messageId, beforeForget.markup, beforeForget.text));
    expect(tg.callsOf("answerCallbackQuery").at(-1)!.params.text).toBe(m.staleButton);
    expect(await store.get("40")).toEqual(fresh);
    const beforeCancel = h.keyboard(40)!;
    await h.text(40, "/cancel");
    const cancelled = await store.get("40");
    await h.post(updates.press(40, beforeCancel.buttons[0]!.callback_data, beforeCancel.messageId, beforeCancel.markup, beforeCancel.text));
    expect(tg.callsOf("answerCallbackQuery").at(-1)!.params.text).toBe(m.staleButton);
    expect(await store.get("40")).toEqual(cancelled);
  });

  it("a button press is acknowledged in the webhook response itself (one request fewer)", async () => {
    await h.text(26, "/start");
    const kb = h.keyboard(26)!;
    const res = await fetch(`http://127.0.0.1:${h.app.port}/tg/hook`, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": SECRET, "content-type": "application/json" },
      body: JSON.stringify({ update_id: tg.newUpdateId(), ...updates.press(26, kb.buttons[2]!.callback_data, kb.messageId, kb.markup, kb.text) }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ method: "answerCallbackQuery" });
    expect(tg.callsOf("editMessageText", 26)).toHaveLength(1);
  });

  it("a wrong or missing webhook secret gets 401 and nothing is handled", async () => {
    expect(await h.post(updates.text(13, "/start"), "wrong")).toBe(401);
    expect(await h.post(updates.text(13, "/start"), null)).toBe(401);
    expect(await h.post(updates.text(13, "/start"), SECRET + "x")).toBe(401);
    expect(tg.callsOf("sendMessage", 13)).toHaveLength(0);
    expect(await store.get("13")).toBeNull();
    const hook = `http://127.0.0.1:${h.app.port}/tg/hook`;
    expect((await fetch(hook)).status).toBe(401);
    expect((await fetch(hook, { method: "PUT", body: "{}" })).status).toBe(401);
    expect((await fetch(hook, { headers: { "x-telegram-bot-api-secret-token": SECRET } })).status).toBe(405);
    expect(await h.post(updates.text(13, "/start"))).toBe(200);
    expect(tg.callsOf("sendMessage", 13)).toHaveLength(1);
  });

  it("Telegram's 429 with retry_after is waited out and the message still arrives", async () => {
    tg.failOnce("sendMessage", 429, 1);
    const started = Date.now();
    await h.text(14, "/start");
    const sends = tg.callsOf("sendMessage", 14);
    expect(sends).toHaveLength(2);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(900);
    expect(sends[1]!.result.message_id).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("a 5xx from Telegram is retried", async () => {
    tg.failOnce("sendMessage", 502);
    await h.text(15, "/start");
    const sends = tg.callsOf("sendMessage", 15);
    expect(sends).toHaveLength(2);
    expect(sends[0]!.result).toBeUndefined();
    expect(sends[1]!.params.text).toBe(sends[0]!.params.text);
    expect(sends[1]!.result).toBeDefined();
  });

  it("a message that is not text gets a short hint", async () => {
    await h.post({ message: { message_id: 5, date: 0, chat: { id: 16, type: "private" }, from: { id: 16, is_bot: false, first_name: "x" }, sticker: { file_id: "s" } } });
    expect(shown(tg, 16)).toEqual([m.notText]);
  });

  it("photos, voice messages and contacts in a private chat get the short hint; service messages get nothing", async () => {
    const base = { date: 0, chat: { id: 28, type: "private" }, from: { id: 28, is_bot: false, first_name: "x" } };
    await h.post({ message: { ...base, message_id: 1, photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] } });
    await h.post({ message: { ...base, message_id: 2, voice: { file_id: "v", file_unique_id: "v", duration: 1 } } });
    await h.post({ message: { ...base, message_id: 3, contact: { phone_number: "+8613800138000", first_name: "张三" } } });
    expect(shown(tg, 28)).toEqual([m.notText, m.notText, m.notText]);
    await h.post({ message: { ...base, message_id: 4, pinned_message: { message_id: 1, date: 0, chat: base.chat } } });
    expect(shown(tg, 28)).toHaveLength(3);
    expect(JSON.stringify(h.lines)).not.toContain("13800138000");
  });

  it("a photo with a caption: the caption is read (and the person told the picture is not)", async () => {
    const base = { date: 0, chat: { id: 45, type: "private" }, from: { id: 45, is_bot: false, first_name: "x" } };
    const photo = [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }];
    await h.post({ message: { ...base, message_id: 1, photo, caption: "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少" } });
    const said = shown(tg, 45);
    expect(said[0]).toBe(m.captionOnly);
    expect(said.join("\n")).toContain("医保基金支付");
    await h.post({ message: { ...base, message_id: 2, photo, caption: "   " } });
    expect(shown(tg, 45).at(-1)).toBe(m.notText);
  });

  it("an edited message is not applied; the person is told how to change an answer", async () => {
    await h.text(29, "/estimate");
    await h.text(29, "苏州");
    const before = await store.get("29");
    const edited = updates.text(29, "杭州").message;
    await h.post({ edited_message: { ...edited, edit_date: 1 } });
    expect(shown(tg, 29).at(-1)).toBe(m.editedIgnored);
    expect(await store.get("29")).toEqual(before);
  });

  it("a command for another bot is not read as a question", async () => {
    await h.text(33, "/start@other_bot");
    await h.post(updates.group(-33, 33, "/estimate@other_bot"));
    expect(shown(tg, 33)).toEqual([]);
    expect(shown(tg, -33)).toEqual([]);
    expect(await store.get("33")).toBeNull();
    expect(await store.get("-33")).toBeNull();
  });

  it("added to a group: one greeting; then only commands, replies to the bot and mentions are answered", async () => {
    const group = { id: -34, type: "group", title: "家里人" };
    await h.post({ message: { message_id: 1, date: 0, chat: group, from: { id: 34, is_bot: false, first_name: "x" }, new_chat_members: [{ id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name }] } });
    expect(shown(tg, -34)).toEqual([m.groupHello]);
    // Members joining, chatter and photos not addressed to the bot: nothing.
    await h.post({ message: { message_id: 2, date: 0, chat: group, from: { id: 35, is_bot: false, first_name: "y" }, new_chat_members: [{ id: 36, is_bot: false, first_name: "z" }] } });
    await h.post(updates.group(-34, 35, "今天吃什么"));
    await h.post({ message: { message_id: 3, date: 0, chat: group, from: { id: 35, is_bot: false, first_name: "y" }, photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] } });
    expect(shown(tg, -34)).toHaveLength(1);
    expect(await store.get("-34")).toBeNull();
    // A command starts a flow; the answer comes as a reply to the bot's question, or naming the bot.
    const command = updates.group(-34, 35, "/estimate@yidi_test_bot");
    await h.post(command);
    const question = tg.callsOf("sendMessage", -34).at(-1)!;
    expect(String(question.params.text)).toContain("参保");
    // A question to type an answer to opens the reply field for the person who asked (privacy
    // mode only lets replies to the bot through).
    expect(question.params.reply_markup).toEqual({ force_reply: true, selective: true });
    expect(question.params.reply_parameters).toMatchObject({ message_id: command.message.message_id });
    await h.post(updates.group(-34, 35, "苏州", { message_id: question.result.message_id, date: 0, chat: group, from: { id: BOT_INFO.id, is_bot: true, first_name: "bot" }, text: "…" }));
    expect(shown(tg, -34).at(-1)).toContain("职工医保");
    await h.post(updates.group(-34, 35, "@yidi_test_bot 取消"));
    expect(h.keyboard(-34)!.buttons.map((b) => b.callback_data.split("|")[2])).toContain("go:estimate");
  });

  it("a malformed webhook body is a 400, not a crash", async () => {
    const res = await fetch(`http://127.0.0.1:${h.app.port}/tg/hook`, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": SECRET, "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(await h.text(17, "/start")).toBe(200);
  });

  it("a redelivered update (same update_id) is applied once; the latest one gets its question again, an earlier one nothing", async () => {
    await h.text(18, "/estimate");
    const update = { update_id: tg.newUpdateId(), ...updates.text(18, "苏州") };
    await h.post(update);
    const after = await store.get("18");
    const question = shown(tg, 18).at(-1)!;
    const sent = tg.callsOf("sendMessage", 18).length;
    // Redelivered: the reply may have been lost with the instance that stored the turn.
    await h.post(update);
    expect(await store.get("18")).toEqual(after);
    expect(tg.callsOf("sendMessage", 18)).toHaveLength(sent + 1);
    expect(shown(tg, 18).at(-1)).toBe(question);
    // Its buttons belong to the stored version: pressing one works.
    await h.press(18, "职工医保");
    expect(shown(tg, 18).at(-1)).not.toBe(question);
    const moved = tg.callsOf("sendMessage", 18).length + tg.callsOf("editMessageText", 18).length;
    // An update older than the latest is dropped without a word.
    await h.post(update);
    expect(tg.callsOf("sendMessage", 18).length + tg.callsOf("editMessageText", 18).length).toBe(moved);
  });

  it("a turn stored by an instance that died before replying: the redelivery sends the current question", async () => {
    await h.text(28, "/estimate");
    const update = { update_id: tg.newUpdateId(), ...updates.text(28, "苏州") };
    // The other instance applied and stored it, then died before sendMessage.
    const { applyTurn } = await import("../../src/conversation/turn.ts");
    const { handleMessage } = await import("../../src/conversation/index.ts");
    await applyTurn({ store, step: handleMessage, chatId: "28", input: { type: "text", text: "苏州" }, updateId: update.update_id });
    const before = shown(tg, 28).length;
    await h.post(update);
    expect(shown(tg, 28).length).toBe(before + 1);
    expect(shown(tg, 28).at(-1)).toContain("职工医保还是居民医保");
  });

  it("update ids that are not safe integers (1e400, 12.5, -1) are dropped and change nothing", async () => {
    await h.text(29, "/estimate");
    await h.text(29, "苏州");
    const before = await store.get("29");
    const calls = tg.calls.length;
    for (const id of ["1e400", "12.5", "-1", "9007199254740993"]) {
      const body = JSON.stringify(updates.text(29, "上海")).replace(/^\{/, `{"update_id":${id},`);
      const res = await fetch(`http://127.0.0.1:${h.app.port}/tg/hook`, {
        method: "POST",
        headers: { "x-telegram-bot-api-secret-token": SECRET, "content-type": "application/json" },
        body,
      });
      expect(res.status).toBeLessThan(500);
    }
    expect(await store.get("29")).toEqual(before);
    expect(tg.calls.length).toBe(calls);
    // The next real update carries on from the same question.
    await h.text(29, "上海");
    expect(shown(tg, 29).at(-1)).toContain("职工医保还是居民医保");
    expect(h.lines.filter((l) => l.kind === "bad_update_id").length).toBe(4);
  });

  it("logs carry no names, phone numbers or identity numbers", async () => {
    await h.text(19, "我叫张伟，电话13812345678，身份证110101199003071234，在苏州参保");
    const all = JSON.stringify(h.lines);
    expect(all).not.toContain("张伟");
    expect(all).not.toContain("13812345678");
    expect(all).not.toContain("110101199003071234");
    expect(h.lines.length).toBeGreaterThan(0);
  });
});
