/**
 * `kill -9` during a burst: the bot runs as a real process (`src/bot.ts`) against the Bot API
 * stand-in, is killed three times while a burst of updates is being handled, and restarted
 * each time. Afterwards every chat's transcript must contain, in order, every reply a run
 * without faults gives (0 lost replies; a lost update shifts the answers onto the wrong
 * questions and shows there too), and the stored conversation must be the one a run without
 * faults ends in (0 lost updates). The only messages allowed beside the replies are restated
 * questions: a redelivered latest update is answered with its question again (transcript.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { RedisStore, SqliteStore, type ConversationStore } from "../../src/store/index.ts";
import { FakeTelegram, updates } from "../../src/channels/telegram/testing/stand-in.ts";
import { SECRET } from "./harness.ts";
import { missing, reference, type Expected } from "./transcript.ts";

const root = new URL("../..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "yidi-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One conversation cycle: every message moves the conversation on. */
const CYCLE = ["/estimate", "苏州", "职工医保", "上海", "退休", "住院", "三级", "3万", "/cancel", "/register"];
const CHATS = 12;
const PER_CHAT = 30;
const KILLS = 3;

function script(): string[] {
  return Array.from({ length: PER_CHAT }, (_, i) => CYCLE[i % CYCLE.length]!);
}

/** A stored conversation without its timestamp. */
function conversationOf(stored: string): unknown {
  return JSON.parse(stored).snapshot;
}

const childLines: string[] = [];

function startBot(env: Record<string, string>): { child: ChildProcess; port: Promise<number> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/bot.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: process.env.KILL_LOG ?? "info", RATE_LIMIT: "100000", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  const port = new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d;
      if (process.env.KILL_DEBUG) childLines.push(...String(d).split("\n"));
      const line = out.split("\n").find((l) => l.includes('"bot started"'));
      if (line) resolve(JSON.parse(line).port);
    });
    child.once("exit", (code, signal) => reject(new Error(`bot exited (${code ?? signal}) before starting: ${err}`)));
  });
  port.catch(() => {});
  return { child, port };
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await gone;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await gone;
}

const sentTo = (tg: FakeTelegram, chat: number) =>
  tg.callsOf("sendMessage", chat).filter((c) => c.result).map((c) => String(c.params.text));

function check(tg: FakeTelegram, chats: number[], expected: Expected): { lost: number; sent: number } {
  let lost = 0;
  for (const chat of chats) {
    const actual = sentTo(tg, chat);
    const gone = missing(expected, actual);
    if (gone.length > 0) console.error(`chat ${chat}: missing ${gone.length}`, gone.slice(0, 3));
    if (gone.length > 0 && process.env.KILL_DEBUG) console.error(childLines.filter((l) => l.includes(`"chat":${chat}`) || l.includes('"bot started"')).map((l) => l.slice(0, 200)).join("\n"));
    if (gone.length > 0 && process.env.KILL_DEBUG) console.error(JSON.stringify({ expected: expected.bodies.map((b) => b.map((x) => x.slice(0, 30))), actual: actual.map((x) => x.slice(0, 30)) }, null, 1));
    lost += gone.length;
  }
  return { lost, sent: tg.callsOf("sendMessage").length };
}

async function finalStates(store: ConversationStore, chats: number[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const chat of chats) {
    const entry = await store.get(String(chat));
    out.push(entry ? conversationOf(JSON.parse(entry.value).c) : null);
  }
  return out;
}

describe("kill -9 during a burst", () => {
  const expected = reference(script());
  const final = conversationOf(expected.stored);

  it(`polling, SQLite: ${CHATS * PER_CHAT} updates, ${KILLS} kills: no update and no reply lost`, { timeout: 400_000 }, async () => {
    const tg = await new FakeTelegram().start();
    const path = join(dir, "polling.sqlite");
    const env = { BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, STORE: "sqlite", SQLITE_PATH: path };
    const chats = Array.from({ length: CHATS }, (_, i) => 800 + i);
    try {
      let bot = startBot(env);
      await bot.port;
      // The burst: every chat's messages queued at once, as after an outage.
      for (let i = 0; i < PER_CHAT; i++) for (const chat of chats) tg.push(updates.text(chat, script()[i]!));
      const total = CHATS * PER_CHAT;
      for (let k = 1; k <= KILLS; k++) {
        // Kill while the burst is being worked through, at a quarter, a half, three quarters.
        const at = Math.floor((total * k) / (KILLS + 1));
        await tg.waitFor((calls) => calls.filter((c) => c.method === "sendMessage").length >= at, 120_000);
        await kill(bot.child);
        bot = startBot(env);
        await bot.port;
      }
      // Done when every chat has all its replies (or, failing, after two minutes: a busy machine is slow).
      await tg.waitFor(() => chats.every((c) => missing(expected, sentTo(tg, c)).length === 0), 120_000).catch(() => {});
      await stop(bot.child);
      const { lost } = check(tg, chats, expected);
      if (lost > 0) {
        const s = new SqliteStore(path);
        for (const c of chats) {
          const r = JSON.parse((await s.get(String(c)))!.value);
          console.error(c, r.h, r.u.slice(-3), tg.calls.filter((x) => x.method === "sendMessage" && Number(x.params.chat_id) === c).length);
        }
        await s.close();
      }
      expect(lost).toBe(0);
      const store = new SqliteStore(path);
      try {
        expect(await finalStates(store, chats)).toEqual(chats.map(() => final));
      } finally {
        await store.close();
      }
    } finally {
      await tg.stop();
    }
  });

  it(`webhook, two instances on one Redis: ${CHATS * PER_CHAT} updates, ${KILLS} kills of one: no update and no reply lost`, { timeout: 400_000 }, async () => {
    const tg = await new FakeTelegram().start();
    const env = {
      BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      STORE: "redis",
      REDIS_URL: inject("redisUrl"),
      WEBHOOK_URL: "https://example.invalid/tg/hook",
      WEBHOOK_SECRET: SECRET,
    };
    // Chat ids no other test uses on the shared Redis.
    const base = 7_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
    const chats = Array.from({ length: CHATS }, (_, i) => base + i);
    const instances = [startBot(env), startBot(env)];
    const ports = [await instances[0]!.port, await instances[1]!.port];
    let delivered = 0;
    // Telegram's side: one chat's updates in order, each until it is answered with 200;
    // a failed delivery is tried again (here on whichever instance is up).
    const deliver = async (update: Record<string, unknown>, turn: number) => {
      const giveUp = Date.now() + 120_000;
      for (let attempt = 0; ; attempt++) {
        const port = ports[(turn + attempt) % 2]!;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/tg/hook`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
            body: JSON.stringify(update),
          });
          await res.text();
          if (res.status === 200) return void delivered++;
        } catch {
          // Connection refused or reset: that instance is down.
        }
        if (Date.now() > giveUp) throw new Error("update never delivered");
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    try {
      const senders = chats.map(async (chat) => {
        for (const [i, text] of script().entries()) await deliver({ update_id: tg.newUpdateId(), ...updates.text(chat, text) }, i);
      });
      const total = CHATS * PER_CHAT;
      for (let k = 1; k <= KILLS; k++) {
        const at = Math.floor((total * k) / (KILLS + 1));
        while (delivered < at) await new Promise((r) => setTimeout(r, 5));
        await kill(instances[0]!.child);
        // Deliveries go to the other instance until this one is back, on a new port.
        ports[0] = ports[1]!;
        instances[0] = startBot(env);
        ports[0] = await instances[0].port;
      }
      await Promise.all(senders);
      await Promise.all(instances.map((i) => stop(i.child)));
      const { lost } = check(tg, chats, expected);
      expect(lost).toBe(0);
      const store = await RedisStore.connect(inject("redisUrl"));
      try {
        expect(await finalStates(store, chats)).toEqual(chats.map(() => final));
      } finally {
        await store.close();
      }
    } finally {
      await Promise.all(instances.map((i) => kill(i.child)));
      await tg.stop();
    }
  });
});
