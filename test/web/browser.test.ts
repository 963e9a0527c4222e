/**
 * The web chat in a real browser (Debian's Chromium, driven by playwright-core) at 375×812, as a
 * person uses it, found by the accessible names the page promises: a one-sentence estimate
 * answered with the picture, buttons, a correction, a reload that keeps the conversation,
 * "删除我的记录", saving a result, and the same with JavaScript off. No console errors, and
 * axe-core finds no serious or critical violation on any page. A screenshot of each page is
 * kept under test-results/web/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { buildServer, closeServer, listen, type FastifyInstance } from "../../src/channels/http.ts";
import { webChat } from "../../src/channels/web/routes.ts";
import { SqliteStore } from "../../src/store/index.ts";
import { webMessages as m } from "../../src/messages/web.ts";
import { captureLog } from "../bot/harness.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUT = join(new URL("../..", import.meta.url).pathname, "test-results", "web");
const axeSource: string = createRequire(import.meta.url)("axe-core").source;

const ESTIMATE = "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少";

let dir: string;
let server: FastifyInstance;
let base: string;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (Debian: apt-get install chromium)`);
  mkdirSync(OUT, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "yidi-web-"));
  const store = new SqliteStore(join(dir, "web.sqlite"), 60_000);
  const { log } = captureLog();
  server = await buildServer({ log, store, plugins: [webChat({ store, log, rateLimit: { limit: 1000, windowMs: 10_000 } })] });
  base = `http://127.0.0.1:${await listen(server, 0)}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // playwright-core starts every launch with a fresh temporary profile of its own.
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) await closeServer(server);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function newPage(javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, javaScriptEnabled, locale: "zh-CN" });
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  // Nothing but this server is ever asked for (no fonts, scripts or images from elsewhere).
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`third-party request: ${r.url()}`);
  });
  return { context, page };
}

async function axeSerious(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => n.target.join(" ")) }));
  });
  return (result as { id: string; impact: string; nodes: string[] }[]).filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.nodes.join(", ")}`);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });

async function send(page: Page, text: string): Promise<void> {
  const before = await page.locator("#log > *").count();
  await page.getByRole("textbox", { name: m.inputLabel }).fill(text);
  await page.getByRole("button", { name: m.send, exact: true }).click();
  await page.waitForFunction((n) => document.querySelectorAll("#log > *").length > n && !document.body.hasAttribute("aria-busy"), before, { timeout: 30_000 });
}

describe("the web chat in Chromium", () => {
  it("a one-sentence estimate is answered with the bill picture; buttons; a correction; reload keeps it; 保存结果; 删除我的记录 erases it", async () => {
    const { context, page } = await newPage();
    await page.goto(base + "/");
    const log = page.getByRole("log", { name: m.logLabel });
    await expect(log.count()).resolves.toBe(1);
    const greeting = (await log.textContent())!;
    // The first page's choices are real buttons named by their text.
    await expect(page.getByRole("button", { name: "估算能报多少", exact: true }).count()).resolves.toBe(1);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, "1-start");

    await send(page, ESTIMATE);
    // The greeting once, then the question and the answer.
    expect((await log.textContent())!.split(greeting.slice(4, 30)).length - 1).toBe(1);
    const picture = log.getByRole("img").last();
    const alt = (await picture.getAttribute("aria-labelledby"))!;
    const altText = await page.locator(`[id="${alt}"]`).textContent();
    expect(altText).toContain("医保基金支付");
    expect(altText).toContain("总费用 30000 元");
    await expect(log.textContent()).resolves.toContain("医保基金支付");
    // Sources are links that open the source.
    const links = log.getByRole("link");
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute("href")).toMatch(/^https?:\/\//);
    // The answer kept its lists.
    expect(await log.locator("ul li").count()).toBeGreaterThan(2);
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, "2-estimate");

    // Buttons: 改一个答案 offers the answers to change, each a button.
    await page.getByRole("button", { name: "改一个答案", exact: true }).click();
    const level = page.getByRole("button", { name: /^医院等级/ });
    await level.waitFor({ timeout: 30_000 });
    await level.click();
    const first = page.getByRole("button", { name: "一级医院或社区", exact: true });
    await first.waitFor({ timeout: 30_000 });
    await first.click();
    await page.waitForFunction(() => document.querySelectorAll("#log [role=img]").length >= 2, undefined, { timeout: 30_000 });
    await shot(page, "3-buttons");

    await expect(log.locator(".m.bot").last().textContent()).resolves.not.toContain("三级");

    // A correction in words.
    const pictures = await log.getByRole("img").count();
    await send(page, "改成二级医院");
    await page.waitForFunction((n) => document.querySelectorAll("#log [role=img]").length > n, pictures, { timeout: 30_000 });
    const newest = await log.locator(".m.bot:has([role=img])").last().textContent();
    expect(newest).toContain("二级医院");
    await shot(page, "4-correction");

    // Reload: the conversation so far is still there.
    const before = await log.textContent();
    await page.reload();
    await expect(page.getByRole("log", { name: m.logLabel }).textContent()).resolves.toBe(before);

    // 保存结果: a read-only page at an unguessable link, with the picture and no buttons to answer.
    await page.getByRole("button", { name: m.save, exact: true }).click();
    await page.waitForURL(/\/s\/[A-Za-z0-9_-]{22}$/, { timeout: 30_000 });
    expect(await page.getByRole("img").count()).toBe(1);
    expect(await page.locator("form").count()).toBe(0);
    await expect(page.locator("main").textContent()).resolves.toContain("医保基金支付");
    expect(await axeSerious(page)).toEqual([]);
    await shot(page, "5-saved");
    // Printed, a source cannot be clicked: its address is printed after it.
    await page.emulateMedia({ media: "print" });
    const source = page.locator("main a[href^='http']").first();
    const href = (await source.getAttribute("href"))!;
    expect(await source.evaluate((a) => getComputedStyle(a, "::after").content)).toContain(href);
    await shot(page, "5-saved-print");
    await page.emulateMedia({ media: "screen" });

    // 删除我的记录 erases it.
    await page.goto(base + "/");
    await page.getByRole("button", { name: m.forget, exact: true }).click();
    await page.waitForURL(/\?n=forgotten/, { timeout: 30_000 });
    const after = await page.getByRole("log", { name: m.logLabel }).textContent();
    expect(after).not.toContain("医保基金支付");
    await expect(page.getByRole("status").textContent()).resolves.toBe(m.forgotten);
    await page.reload();
    expect(await page.getByRole("log", { name: m.logLabel }).textContent()).not.toContain("医保基金支付");
    await shot(page, "6-forgotten");
    await context.close();
    expect(problems).toEqual([]);
  }, 180_000);

  it("at a large system font (text at 200%) the bill's legend grows with the text and the field keeps its width", async () => {
    const { context, page } = await newPage();
    // A phone's largest font setting doubles the text; the page is sized in rem, so doubling the
    // root font is the same for it. Served in the stylesheet itself (the CSP allows no other style).
    await page.route(/\/static\/.*\.css$/, async (route) => {
      const r = await route.fetch();
      await route.fulfill({ response: r, body: `html{font-size:200%}\n${await r.text()}`, headers: { ...r.headers(), "content-encoding": "" } });
    });
    await page.goto(base + "/");
    await send(page, ESTIMATE);
    const figure = page.getByRole("log", { name: m.logLabel }).locator("figure").last();
    await expect(figure.getByRole("img").count()).resolves.toBe(1);
    // Every word of the picture (total, parts, amounts) is drawn at no less than 80% of the
    // text's size: in an SVG scaled to fit the column it would shrink as the text grows.
    const sizes = await figure.evaluate((fig) => {
      const out: { text: string; px: number }[] = [];
      const walker = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent!.trim() || el.closest("title")) continue;
        const svg = el.closest("svg");
        const px = svg ? Number(el.getAttribute("font-size")) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width) : parseFloat(getComputedStyle(el).fontSize);
        out.push({ text: n.textContent!.trim(), px });
      }
      return { out, body: parseFloat(getComputedStyle(document.body).fontSize) };
    });
    expect(sizes.out.map((x) => x.text).join(" ")).toContain("医保基金支付");
    expect(sizes.out.filter((x) => x.px < 0.8 * sizes.body)).toEqual([]);
    // The field is not squeezed beside the send button: the button goes under it when both do not fit.
    const field = (await page.getByRole("textbox", { name: m.inputLabel }).boundingBox())!;
    const main = (await page.locator("main").boundingBox())!;
    expect(field.width).toBeGreaterThan(0.8 * (main.width - 24));
    const sendBox = (await page.getByRole("button", { name: m.send, exact: true }).boundingBox())!;
    expect(sendBox.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await shot(page, "8-large-text");
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it("a message sent from a tab whose session was erased in another is not lost: the page says to send it again, with it still in the field", async () => {
    const { context, page } = await newPage();
    await page.goto(base + "/");
    const other = await context.newPage();
    await other.goto(base + "/");
    await other.getByRole("button", { name: m.forget, exact: true }).click();
    await other.waitForURL(/\?n=forgotten/, { timeout: 30_000 });
    await page.getByRole("textbox", { name: m.inputLabel }).fill("3万");
    await page.getByRole("button", { name: m.send, exact: true }).click();
    await page.waitForURL(/\?n=expired/, { timeout: 30_000 });
    await expect(page.getByRole("status").textContent()).resolves.toBe(m.expiredForm);
    await expect(page.getByRole("textbox", { name: m.inputLabel }).inputValue()).resolves.toBe("3万");
    await context.close();
    // The refused post itself is a 403, which Chromium reports in the console; nothing else may be.
    const refused = problems.findIndex((p) => p.includes("status of 403"));
    expect(refused).toBeGreaterThanOrEqual(0);
    problems.splice(refused, 1);
    expect(problems).toEqual([]);
  }, 60_000);

  it("a mistyped address and a link that is no saved result open a page in Chinese whose way back is easy to tap", async () => {
    const { context, page } = await newPage();
    for (const path of ["/nope", "/s/AAAAAAAAAAAAAAAAAAAAAA"]) {
      const res = await page.goto(base + path);
      expect(res!.status()).toBe(404);
      const back = (await page.getByRole("link", { name: m.summary.back, exact: true }).boundingBox())!;
      expect(back.height, path).toBeGreaterThanOrEqual(44);
      expect(await axeSerious(page)).toEqual([]);
    }
    await shot(page, "9-not-found");
    await context.close();
    // Chromium reports each 404 in the console; nothing else may be.
    for (let i = problems.length - 1; i >= 0; i--) if (problems[i]!.includes("status of 404")) problems.splice(i, 1);
    expect(problems).toEqual([]);
  }, 60_000);

  it("works with JavaScript off: the form posts and the page comes back with the answer and its picture", async () => {
    const { context, page } = await newPage(false);
    await page.goto(base + "/");
    await page.getByRole("textbox", { name: m.inputLabel }).fill(ESTIMATE);
    // Without JavaScript the click is a form post; playwright waits for the page it leads to.
    await page.getByRole("button", { name: m.send, exact: true }).click({ timeout: 60_000 });
    await page.waitForLoadState("load", { timeout: 60_000 });
    const log = page.getByRole("log", { name: m.logLabel });
    await expect(log.textContent()).resolves.toContain("医保基金支付");
    expect(await log.getByRole("img").count()).toBe(1);
    // A button without JavaScript is a form post too.
    await page.getByRole("button", { name: "改一个答案", exact: true }).click({ timeout: 60_000 });
    await page.waitForLoadState("load", { timeout: 60_000 });
    expect(await page.getByRole("button", { name: /^医院等级/ }).count()).toBe(1);
    await shot(page, "7-no-javascript");
    // axe needs scripts (and timers) to run: the same page, same session, opened with them on.
    const seen = await browser.newContext({ viewport: { width: 375, height: 812 }, storageState: await context.storageState() });
    const same = await seen.newPage();
    await same.goto(base + "/");
    expect(await same.getByRole("button", { name: /^医院等级/ }).count()).toBe(1);
    expect(await axeSerious(same)).toEqual([]);
    await seen.close();
    await context.close();
    expect(problems).toEqual([]);
  }, 180_000);
});
