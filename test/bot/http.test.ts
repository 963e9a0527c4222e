/** The HTTP API next to the webhook: health, estimate (same evaluator and errors), policies, limits. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../../src/conversation/policy-book.ts";
import { BODY_LIMIT, buildServer, closeServer, listen, type FastifyInstance } from "../../src/channels/http.ts";
import { MemoryStore } from "../../src/store/index.ts";
import { captureLog } from "./harness.ts";
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

let server: FastifyInstance;
let base: string;

beforeAll(async () => {
  server = await buildServer({ log: captureLog().log, store: new MemoryStore() });
  base = `http://127.0.0.1:${await listen(server, 0)}`;
});
afterAll(() => closeServer(server));

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
    for (const target of ["//[", "*", "http://[::1", "/\\["]) {
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

describe("the HTTP face's documents and headers", () => {
  it("GET /openapi.json describes the routes, generated from their zod schemas", async () => {
    const res = await fetch(`${base}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, any>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/healthz", "/v1/estimate", "/v1/policies"]));
    // The scenario's own fields and enums, as the evaluator's zod schema declares them.
    const body = doc.paths["/v1/estimate"]!.post.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["insured", "treatment", "visitor", "costs"]));
    expect(body.properties.visitor.enum).toContain("temporary_other");
    expect(Object.keys(doc.paths["/v1/estimate"]!.post.responses)).toEqual(expect.arrayContaining(["200", "400", "413", "415"]));
  });

  it("every answer carries a strict Content-Security-Policy (no inline script) and no framing", async () => {
    for (const path of ["/healthz", "/nope"]) {
      const res = await fetch(base + path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      // Plain HTTP on localhost: no HSTS (TLS is the proxy's business).
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });
});

describe("limits on slow and many connections", () => {
  let limited: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    limited = await buildServer({ log: captureLog().log, limits: { requestTimeoutMs: 1500, headersTimeoutMs: 1000, maxConnections: 3 } });
    port = await listen(limited, 0);
  });
  afterAll(() => closeServer(limited));

  it("the default limits cut a slow request long before Node's 300 s and cap connections", async () => {
    const { DEFAULT_LIMITS } = await import("../../src/channels/http.ts");
    expect(DEFAULT_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(30_000);
    expect(DEFAULT_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(DEFAULT_LIMITS.requestTimeoutMs);
    expect(DEFAULT_LIMITS.maxConnections).toBeGreaterThan(0);
    const server = await buildServer({ log: captureLog().log });
    try {
      expect(server.server.requestTimeout).toBe(DEFAULT_LIMITS.requestTimeoutMs);
      expect(server.server.headersTimeout).toBe(DEFAULT_LIMITS.headersTimeoutMs);
      expect(server.server.maxConnections).toBe(DEFAULT_LIMITS.maxConnections);
    } finally {
      await closeServer(server);
    }
  });

  it("a body trickled a byte at a time is cut off at the request timeout, not held open", async () => {
    const started = Date.now();
    const outcome = await new Promise<{ data: string; closedAfter: number }>((resolve) => {
      let data = "";
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(`POST /v1/estimate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`);
        // One byte every 200 ms: under any size limit, and it would take 200 s to finish.
        const drip = setInterval(() => socket.writable && socket.write("{"), 200);
        socket.on("close", () => clearInterval(drip));
      });
      socket.on("data", (c) => (data += c));
      socket.on("close", () => resolve({ data, closedAfter: Date.now() - started }));
      socket.on("error", () => {});
      // The test's own bound: far below the 300 s this used to take, far above the 1.5 s limit.
      setTimeout(() => socket.destroy(), 15_000);
    });
    expect(outcome.closedAfter).toBeLessThan(15_000);
    expect(outcome.data).toMatch(/^HTTP\/1\.1 408/);
  });

  it("connections beyond the cap are refused at once, and served again once others close", async () => {
    const open = await Promise.all(
      Array.from({ length: 3 }, () => new Promise<import("node:net").Socket>((resolve) => {
        const s = connect(port, "127.0.0.1", () => resolve(s));
        s.on("error", () => {});
      })),
    );
    // Give the server the moment it needs to count them as accepted.
    const refusedInTime = await new Promise<boolean>((resolve) => {
      const extra = connect(port, "127.0.0.1", () => extra.write(`GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n`));
      let answered = false;
      extra.on("data", () => (answered = true));
      extra.on("error", () => {});
      extra.on("close", () => resolve(!answered));
      setTimeout(() => (extra.destroy(), resolve(false)), 10_000);
    });
    expect(refusedInTime).toBe(true);
    for (const s of open) s.destroy();
    // Once those are gone, new connections are served again.
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
