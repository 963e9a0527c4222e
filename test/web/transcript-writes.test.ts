/**
 * The transcript written with each turn on SQLite (one write per message), and read back from
 * the log only when this instance did not write the session's newest lines itself: two
 * instances behind one address, one session going back and forth between them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, closeServer, listen, type FastifyInstance } from "../../src/channels/http.ts";
import { webChat } from "../../src/channels/web/routes.ts";
import { transcriptKey } from "../../src/channels/web/transcript.ts";
import { greeting } from "../../src/conversation/index.ts";
import { SqliteStore } from "../../src/store/index.ts";
import { captureLog } from "../bot/harness.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-web-writes-"));
const instances: { server: FastifyInstance; base: string; store: SqliteStore }[] = [];

beforeAll(async () => {
  const { log } = captureLog();
  for (let i = 0; i < 2; i++) {
    const store = new SqliteStore(join(dir, "web.sqlite"));
    const server = await buildServer({ log, store, plugins: [webChat({ store, log, secret: "shared-secret-for-both" })] });
    instances.push({ server, store, base: `http://127.0.0.1:${await listen(server, 0)}` });
  }
});
afterAll(async () => {
  for (const i of instances) {
    await closeServer(i.server);
    await i.store.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

interface Sent {
  html: string;
  choices?: string;
}

async function visit(base: string) {
  const res = await fetch(`${base}/`);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(await res.text())![1]!, id: cookie.split("=")[1]! };
}

const say = async (base: string, v: { cookie: string; csrf: string }, fields: Record<string, string>): Promise<Sent> =>
  (await fetch(`${base}/chat`, {
    method: "POST",
    headers: { cookie: v.cookie, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf: v.csrf, ...fields }).toString(),
  }).then((r) => r.json())) as Sent;

/** A button's label in the choices sent with an answer. */
const labelIn = (sent: Sent, id: string) => new RegExp(`name="choice" value="${id}">([^<]+)</button>`).exec(sent.choices ?? "")?.[1];

describe("the web transcript, written with the turn", () => {
  it("keeps each message with its replies in order, pressed buttons by their labels, whichever instance took the message", async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const v = await visit(a.base);
    const first = await say(a.base, v, { text: "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少" });
    const change = labelIn(first, "chg")!;
    expect(change).toBeTruthy();
    // The other instance takes the press: it did not write the newest lines, and reads them.
    const picked = await say(b.base, v, { choice: "chg" });
    const level = labelIn(picked, "c:level")!;
    expect(level).toBeTruthy();
    // Back on the first: what it wrote is no longer the newest, so the label comes from the log.
    const asked = await say(a.base, v, { choice: "c:level" });
    const two = labelIn(asked, "v:level:2")!;
    // And on the same instance again: the newest lines are its own.
    await say(a.base, v, { choice: "v:level:2" });
    const kept = (await a.store.lines(transcriptKey(v.id))).map((l) => JSON.parse(l.value) as { who: string; text: string });
    const mine = kept.filter((e) => e.who === "me").map((e) => e.text);
    expect(mine).toEqual(["我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少", change, level, two]);
    // The greeting, then each message followed by its replies.
    expect(kept[0]!.who).toBe("bot");
    expect(kept[1]!.who).toBe("me");
    expect(kept.at(-1)!.who).toBe("bot");
    // Reloaded on either instance, the page shows them as said.
    const page = await (await fetch(`${b.base}/`, { headers: { cookie: v.cookie } })).text();
    for (const text of mine) expect(page).toContain(`<p>${text}</p>`);
  });

  it("a new visitor's first message answers the greeting once, whichever instance takes it", async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const opening = greeting();
    const button = opening.at(-1)!.choices![0]!;
    // The page came from the first instance, which made the session; the other takes the press.
    const v = await visit(a.base);
    await say(b.base, v, { choice: button.id });
    // The first instance knows the session as new and empty: it must see it is no longer either.
    await say(a.base, v, { text: "苏州" });
    const kept = (await a.store.lines(transcriptKey(v.id))).map((l) => JSON.parse(l.value) as { who: string; text: string });
    const greetings = kept.filter((e) => e.who === "bot" && e.text === opening[0]!.text);
    expect(greetings).toHaveLength(1);
    expect(kept.filter((e) => e.who === "me").map((e) => e.text)).toEqual([button.label, "苏州"]);
    // And on the instance that made the session, a greeting's button is said by its label.
    const w = await visit(a.base);
    await say(a.base, w, { choice: button.id });
    const first = (await a.store.lines(transcriptKey(w.id))).map((l) => JSON.parse(l.value) as { who: string; text: string });
    expect(first.slice(0, opening.length).map((e) => e.text)).toEqual(opening.map((r) => r.text));
    expect(first[opening.length]).toEqual({ who: "me", text: button.label });
  });

  it("a button from before the lines this instance wrote is looked up in the log", async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const v = await visit(a.base);
    await say(a.base, v, { text: "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少" });
    const picked = await say(b.base, v, { choice: "chg" });
    // This instance writes the next lines knowing only those (the others came from the log)…
    await say(a.base, v, { choice: "c:level" });
    // …and a button of the other instance's reply, still on the page, is pressed.
    await say(a.base, v, { choice: "c:insured" });
    const kept = (await a.store.lines(transcriptKey(v.id))).map((l) => JSON.parse(l.value) as { who: string; text: string });
    expect(labelIn(picked, "c:insured")).toBeTruthy();
    expect(kept.filter((e) => e.who === "me").at(-1)!.text).toBe(labelIn(picked, "c:insured"));
  });
});
