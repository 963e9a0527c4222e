/** The HTTP API next to the webhook: health, estimate (same evaluator and errors), policies, limits. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../src/policy/index.ts";
import { BODY_LIMIT, createHttpServer, listen } from "../../src/channels/http.ts";
import { MemoryStore } from "../../src/store/index.ts";
import { captureLog } from "./harness.ts";
import type { Server } from "node:http";
import { connect } from "node:net";
import { botMessages as m } from "../../src/messages/bot.ts";

/** Sends raw bytes and resolves with whatever comes back before the socket closes (or 2 s pass). */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    const timer = setTimeout(() => (socket.destroy(), resolve(data)), 2000);
    socket.on("data", (c) => {
      data += c;
      if (data.includes("\r\n\r\n") && /content-length: (\d+)/i.test(data)) {
        const length = Number(/content-length: (\d+)/i.exec(data)![1]);
        if (Buffer.byteLength(data.split("\r\n\r\n")[1]!) >= length) (clearTimeout(timer), socket.destroy(), resolve(data));
      }
    });
    socket.on("close", () => (clearTimeout(timer), resolve(data)));
    socket.on("error", () => {});
  });
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createHttpServer({ log: captureLog().log, store: new MemoryStore() });
  base = `http://127.0.0.1:${await listen(server, 0)}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const scenario = {
  insured: { region: "苏州", scheme: "employee", status: "working" },
  treatment: { region: "上海", setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" },
  visitor: "long_term",
  costs: { total: "30000", classB: "8000", outOfCatalog: "2000" },
};

const post = (path: string, body: string) => fetch(base + path, { method: "POST", headers: { "content-type": "application/json" }, body });

describe("HTTP API", () => {
  it("GET /healthz", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, store: "memory" });
  });

  it("POST /v1/estimate returns what the evaluator returns", async () => {
    const res = await post("/v1/estimate", JSON.stringify(scenario));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { estimate: unknown };
    const direct = evaluate(scenario);
    expect(direct.ok).toBe(true);
    if (direct.ok) expect(body.estimate).toEqual(JSON.parse(JSON.stringify(direct.estimate)));
  });

  it("an invalid scenario is a 400 with the evaluator's Chinese errors", async () => {
    const bad = { ...scenario, treatment: { ...scenario.treatment, hospitalLevel: 5 }, costs: { total: "-3" } };
    const res = await post("/v1/estimate", JSON.stringify(bad));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string; message: string }[] };
    const direct = evaluate(bad);
    expect(direct.ok).toBe(false);
    if (!direct.ok) expect(body.errors).toEqual(direct.errors);
    expect(body.errors.length).toBeGreaterThan(0);
    for (const e of body.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("bad JSON is a 400; an oversized body is a 413; unknown paths 404; wrong methods 405", async () => {
    const badJson = await post("/v1/estimate", "{\"insured\":");
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain("JSON");
    const big = await post("/v1/estimate", JSON.stringify({ pad: "x".repeat(BODY_LIMIT + 10) }));
    expect(big.status).toBe(413);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/v1/estimate`)).status).toBe(405);
    expect((await post("/healthz", "{}")).status).toBe(405);
  });

  it("a request target that is not a path is a 400 with a JSON error, and the server keeps serving", async () => {
    const port = Number(new URL(base).port);
    for (const target of ["//[", "*", "http://[::1"]) {
      const answer = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(answer).toContain(m.http.badRequest);
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("POST /v1/estimate: a body that is not JSON by its type is a 415; JSON that is not an object is a 400; no type is accepted", async () => {
    const withType = (type: string, body: string) => fetch(`${base}/v1/estimate`, { method: "POST", headers: { "content-type": type }, body });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await withType(type, JSON.stringify(scenario));
      expect(res.status).toBe(415);
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(m.http.notJsonType);
    }
    expect((await withType("application/json; charset=utf-8", JSON.stringify(scenario))).status).toBe(200);
    const untyped = await fetch(`${base}/v1/estimate`, { method: "POST", body: new Blob([JSON.stringify(scenario)]) });
    expect(untyped.status).toBe(200);
    for (const body of ["null", "[]", "42", '"苏州"']) {
      const res = await post("/v1/estimate", body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(m.http.notObject);
    }
  });

  it("a body refused before it is read closes the connection instead of waiting for the rest", async () => {
    const port = Number(new URL(base).port);
    const started = Date.now();
    const answer = await rawRequest(port, `POST /v1/estimate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{"a":`);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.toLowerCase()).toContain("connection: close");
    expect(Date.now() - started).toBeLessThan(1500);
    // Normal requests keep their connection.
    const ok = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(ok).toMatch(/^HTTP\/1\.1 200/);
    expect(ok.toLowerCase()).not.toContain("connection: close");
  });

  it("an oversized body without a declared length (chunked) is a 413 too", async () => {
    const chunks = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode("x".repeat(8 * 1024)));
        c.close();
      },
    });
    const res = await fetch(`${base}/v1/estimate`, { method: "POST", headers: { "content-type": "application/json" }, body: chunks, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("no webhook route unless one is configured", async () => {
    const res = await post("/tg/hook", "{}");
    expect(res.status).toBe(404);
  });

  it("GET /v1/policies lists regions with versions and sources", async () => {
    const res = await fetch(`${base}/v1/policies`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { regions: { code: string; name: string; schemes: { versions: unknown[] }[]; sources: unknown[] }[] };
    expect(body.regions.length).toBeGreaterThan(0);
    for (const r of body.regions) expect(r.code).toMatch(/^\d{6}$/);
    expect(body.regions.some((r) => r.schemes.some((s) => s.versions.length > 0))).toBe(true);
  });
});
