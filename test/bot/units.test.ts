/** Pieces of the adapter on their own: callback data, rendering, commands, configuration, log redaction. */
import fc from "fast-check";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { decodeCallback, encodeCallback, MAX_CALLBACK_BYTES } from "../../src/channels/telegram/callback-data.ts";
import { choicesKeyboard } from "../../src/channels/telegram/keyboards.ts";
import { escapeHtml, MAX_MESSAGE_CHARS, messageHtml, renderReply, splitText } from "../../src/channels/telegram/render.ts";
import { parseTelegramHtml } from "../../src/channels/telegram/testing/stand-in.ts";
import { readCommand } from "../../src/conversation/index.ts";
import { readConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { botMessages as m } from "../../src/messages/bot.ts";

describe("callback data", () => {
  it("round-trips every carried id and version, always within 64 bytes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), fc.stringMatching(/^[a-zA-Z0-9:_?.-]{1,40}$/), (version, id) => {
        const data = encodeCallback(version, id);
        if (data === null) return;
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
        expect(decodeCallback(data)).toEqual({ version, id });
      }),
    );
  });

  it("refuses what it cannot carry, and decodes nothing from arbitrary input", () => {
    expect(encodeCallback(1, "选项")).toBeNull();
    expect(encodeCallback(1, "a|b")).toBeNull();
    expect(encodeCallback(1, "x".repeat(60))).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const d = decodeCallback(s);
        if (d) expect(s.startsWith("1|")).toBe(true);
      }),
    );
    for (const bad of [undefined, null, 42, "", "1||x", "1|ABC|x", "1|abc|", "2|abc|x", "1|abc|x|y", "1|abc|选"]) expect(decodeCallback(bad)).toBeNull();
  });

  it("a keyboard drops a choice it cannot carry instead of failing", () => {
    const { keyboard, dropped } = choicesKeyboard(
      [
        { id: "ok", label: "好" },
        { id: "太长", label: "不行" },
      ],
      5,
    );
    expect(dropped).toEqual(["太长"]);
    expect(keyboard!.inline_keyboard.flat().map((b) => b.text)).toEqual(["好"]);
  });
});

describe("rendering", () => {
  it("escapes HTML", () => {
    expect(escapeHtml("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
    expect(renderReply({ text: "<i>x</i>" })).toEqual(["&lt;i&gt;x&lt;/i&gt;"]);
  });

  it("splits any text into pieces within the limit that join back to the text (modulo the breaks cut at)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 300 }), fc.constant("\n\n"), fc.constant("\n"), fc.constant("异地就医".repeat(50))), { maxLength: 60 }), fc.integer({ min: 20, max: 500 }), (parts, max) => {
        const text = parts.join("");
        const pieces = splitText(text, max);
        for (const p of pieces) expect(Array.from(p).length).toBeLessThanOrEqual(max);
        expect(pieces.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      }),
    );
  });

  it("every body Telegram would take: valid HTML, within 4,096 visible characters, never only whitespace; no text lost", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom("<b>", "&amp;", "&", "<", ">", "\n", "\n\n", "😀", "异地就医".repeat(300), "x".repeat(1500), " ".repeat(300), " \n ")), { maxLength: 40 }),
        fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constant("来源".repeat(1200))), { maxLength: 4 }),
        (parts, sources) => {
          const text = parts.join("");
          const visible: string[] = [];
          for (const body of renderReply({ text, sources })) {
            const parsed = parseTelegramHtml(body);
            if ("error" in parsed) throw new Error(parsed.error);
            expect(Array.from(parsed.text).length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
            expect(parsed.text.trim()).not.toBe("");
            visible.push(parsed.text);
          }
          const strip = (x: string) => x.replace(/\s/g, "");
          const kept = sources.filter((x) => x.trim() !== "" && !text.includes(x));
          const expected = strip(text) + (kept.length > 0 ? strip(m.sourcesTitle + kept.join("；")) : "");
          expect(strip(visible.join(""))).toBe(expected === "" ? m.emptyReply : expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("prefers paragraph breaks", () => {
    const a = "甲".repeat(3000);
    const b = "乙".repeat(3000);
    expect(splitText(`${a}\n\n${b}`)).toEqual([a, b]);
    expect(splitText("丙".repeat(MAX_MESSAGE_CHARS))).toHaveLength(1);
  });

  it("a message as Telegram hands it back (text + entities) turns into the HTML it was sent as", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }), (text, sources) => {
        for (const html of renderReply({ text: text.trim() === "" ? "x" : text, sources })) {
          const parsed = parseTelegramHtml(html);
          if ("error" in parsed) throw new Error(parsed.error);
          expect(messageHtml(parsed.text, parsed.entities)).toBe(html);
        }
      }),
    );
    expect(messageHtml("a😀b c", [{ type: "bold", offset: 1, length: 3 }, { type: "text_link", offset: 5, length: 1, url: 'https://x/?a="1"&b' }, { type: "mention", offset: 0, length: 1 }])).toBe(
      'a<b>😀b</b> <a href="https://x/?a=&quot;1&quot;&amp;b">c</a>',
    );
  });

  it("does not quote again a source the text names already", () => {
    const [html] = renderReply({ text: "结果\n来源：[1] 甲市医保局通知", sources: ["甲市医保局通知", "乙省答复"] });
    expect(html).toBe(`结果\n来源：[1] 甲市医保局通知\n\n<blockquote expandable>${m.sourcesTitle}乙省答复</blockquote>`);
    expect(renderReply({ text: "结果\n来源：[1] 甲市医保局通知", sources: ["甲市医保局通知"] })).toEqual(["结果\n来源：[1] 甲市医保局通知"]);
  });

  it("puts sources in an expandable quote", () => {
    const [html] = renderReply({ text: "结果", sources: ["苏州 <医保> 局"] });
    expect(html).toBe(`结果\n\n<blockquote expandable>${m.sourcesTitle}苏州 &lt;医保&gt; 局</blockquote>`);
  });
});

describe("commands", () => {
  it("reads commands, with or without the bot's name", () => {
    expect(readCommand("/start")).toEqual({ name: "start" });
    expect(readCommand("/Estimate@yidi_test_bot 3万")).toEqual({ name: "estimate", rest: "3万", to: "yidi_test_bot" });
    expect(readCommand("/estimate  \n 在苏州参保\n住院 ")).toEqual({ name: "estimate", rest: "在苏州参保\n住院" });
    expect(readCommand("/estimate   ")).toEqual({ name: "estimate" });
    expect(readCommand("start")).toBeNull();
    expect(readCommand("/ 空")).toBeNull();
  });
});

describe("configuration", () => {
  it("a missing token is one clear line", () => {
    const r = readConfig({});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("BOT_TOKEN");
      expect(r.message).not.toContain("\n");
    }
  });

  it("a blank token is a missing token; a token of the wrong shape is named as such", () => {
    const blank = readConfig({ BOT_TOKEN: "   " });
    expect(!blank.ok && blank.message).toBe(m.config.missingToken);
    for (const token of ["abc", "123456 :AAE", "https://api.telegram.org/bot1:a"]) {
      const r = readConfig({ BOT_TOKEN: token });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/BOT_TOKEN.*格式/);
    }
    expect(readConfig({ BOT_TOKEN: " 123456789:AAE-x_y " }).ok).toBe(true);
  });

  it("defaults to SQLite, Redis when REDIS_URL is set, polling without WEBHOOK_URL", () => {
    const a = readConfig({ BOT_TOKEN: "1:a" });
    expect(a.ok && a.config.store.kind).toBe("sqlite");
    expect(a.ok && a.config.webhook).toBeUndefined();
    expect(a.ok && a.config.store.ttlMs).toBe(30 * 24 * 3600 * 1000);
    const b = readConfig({ BOT_TOKEN: "1:a", REDIS_URL: "redis://127.0.0.1:6379", WEBHOOK_URL: "https://x.example/hook/abc", WEBHOOK_SECRET: "s3cr_et", PORT: "9000" });
    expect(b.ok && b.config.store.kind).toBe("redis");
    expect(b.ok && b.config.webhook).toEqual({ url: "https://x.example/hook/abc", path: "/hook/abc", secret: "s3cr_et" });
    expect(b.ok && b.config.port).toBe(9000);
  });

  it("refuses bad values with the variable named", () => {
    for (const env of [
      { BOT_TOKEN: "1:a", PORT: "http" },
      { BOT_TOKEN: "1:a", STORE: "mongo" },
      { BOT_TOKEN: "1:a", STORE: "redis" },
      { BOT_TOKEN: "1:a", WEBHOOK_URL: "https://x.example/h" },
      { BOT_TOKEN: "1:a", WEBHOOK_URL: "https://x.example/h", WEBHOOK_SECRET: "有空格 的" },
    ]) {
      const r = readConfig(env);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/PORT|STORE|REDIS_URL|WEBHOOK_SECRET/);
    }
  });
});

describe("logging", () => {
  it("redacts identity numbers, phone numbers and names in messages and fields", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
    const log = createLogger("info", sink);
    log.info({ note: "我叫王建国，手机 139 1234 5678", from: { first_name: "Alice", username: "alice" } }, "身份证 11010519491231002X");
    const out = lines.join("");
    for (const secret of ["王建国", "139 1234 5678", "11010519491231002X", "Alice", "alice"]) expect(out).not.toContain(secret);
    expect(out).toContain("note");
  });

  it("a whole update in an error log, however deep, carries no name, phone, identity number or message text", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
    const log = createLogger("info", sink);
    const person = { id: 7, is_bot: false, first_name: "张三", last_name: "Zhang", username: "zhangsan88" };
    const said = "我叫张三，身份证110101199003071234，电话13800138000";
    const update: Record<string, unknown> = {
      update_id: 9,
      callback_query: {
        id: "1",
        from: person,
        data: "1|abc|go:estimate",
        message: {
          message_id: 3,
          chat: { id: 7, type: "private", first_name: "张三", username: "zhangsan88" },
          text: "问题",
          reply_to_message: { message_id: 2, from: person, chat: { id: 7, type: "private", first_name: "张三" }, text: said, contact: { phone_number: "+8613800138000", first_name: "张三" } },
        },
      },
    };
    update.self = update; // a cycle must not break the log line
    log.error({ err: new Error(`failed for ${said}`), update, deep: { a: { b: { c: { d: { e: { f: { note: said } } } } } } } }, "update failed");
    const out = lines.join("");
    for (const secret of ["张三", "Zhang", "zhangsan88", "13800138000", "110101199003071234"]) expect(out).not.toContain(secret);
    const line = JSON.parse(out);
    expect(line.update.update_id).toBe(9);
    expect(line.update.callback_query.data).toBe("1|abc|go:estimate");
    expect(line.err.message).toContain("failed for");
  });
});
