/**
 * The JSON API: `GET /healthz`, `POST /v1/estimate` (the evaluator, its own Chinese errors),
 * `GET /v1/policies`, and `GET /openapi.json` generated from the route schemas below.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { evaluate, getPolicyBook, Jurisdiction, Scenario, type PolicyBook } from "../../conversation/policy-book.ts";
import { botMessages as m } from "../../messages/bot.ts";
import type { ConversationStore } from "../../conversation/index.ts";
import { HttpError, refuse } from "./errors.ts";
import { documentationOnly } from "./schemas.ts";
import { methodNotAllowed } from "./methods.ts";

export const BODY_LIMIT = 64 * 1024;

const Errors = z.object({ errors: z.array(z.object({ field: z.string(), message: z.string() })) }).meta({ id: "Errors" });

const Health = z.object({ ok: z.boolean(), store: z.enum(["memory", "sqlite", "redis", "file"]).nullable() });

const Step = z.looseObject({
  kind: z.string(),
  what: z.string(),
  amount: z.string().nullable(),
  rule: z.string(),
  source: z.looseObject({ id: z.string(), title: z.string(), url: z.string().optional(), confidence: z.enum(["high", "medium", "low"]) }),
});
const Estimate = z.looseObject({
  total: z.string(),
  fundPays: z.string(),
  seriousIllnessPays: z.string(),
  youPay: z.string(),
  jurisdiction: Jurisdiction,
  steps: z.array(Step),
  assumptions: z.array(z.string()),
  warnings: z.array(z.string()),
});

const Policies = z.object({
  regions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      schemes: z.array(z.object({ scheme: z.string(), versions: z.array(z.object({ version: z.string(), from: z.string(), to: z.string().nullable() })) })),
      sources: z.array(z.looseObject({ id: z.string(), title: z.string() })),
    }),
  ),
});

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function policiesList(book: PolicyBook): z.infer<typeof Policies> {
  return {
    regions: [...book.regions.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => ({
        code: r.code,
        name: r.name,
        schemes: Object.entries(r.schemes).map(([scheme, s]) => ({
          scheme,
          versions: (s?.versions ?? []).map((v) => ({ version: v.version, from: v.from, to: v.to ?? null })),
        })),
        sources: Object.entries(r.sources).map(([id, s]) => ({ id, ...s })),
      })),
  };
}

export interface ApiOptions {
  store?: ConversationStore;
  book?: PolicyBook;
}

export async function apiRoutes(fastify: FastifyInstance, o: ApiOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  let book: PolicyBook | undefined = o.book;
  const getBook = () => (book ??= getPolicyBook());

  app.get(
    "/healthz",
    { schema: { summary: "进程与存储是否正常", response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      try {
        await o.store?.ping();
        return reply.code(200).send({ ok: true, store: o.store?.kind ?? null });
      } catch {
        return reply.code(503).send({ ok: false, store: o.store?.kind ?? null });
      }
    },
  );
  methodNotAllowed(app, "/healthz", ["GET", "HEAD"]);

  app.post(
    "/v1/estimate",
    {
      bodyLimit: BODY_LIMIT,
      // The type is checked before the body is read: a refused upload is not read at all.
      onRequest: async (request) => {
        const type = request.headers["content-type"];
        if (type !== undefined && !JSON_TYPE.test(type)) throw new HttpError(415, m.http.notJsonType);
      },
      config: { rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: {
        summary: "就医情景 → 带出处的费用估算",
        // The evaluator validates with its own Chinese messages (the same the CLI gives); the
        // schema documents the body and is not checked a second time.
        body: documentationOnly(Scenario),
        response: { 200: z.object({ estimate: Estimate }), 400: Errors, 413: Errors, 415: Errors },
      },
    },
    async (request, reply) => {
      const input: unknown = request.body;
      if (typeof input !== "object" || input === null || Array.isArray(input)) return refuse(request, reply, 400, m.http.notObject);
      const result = evaluate(input, getBook());
      return result.ok ? reply.code(200).send({ estimate: result.estimate as unknown as z.infer<typeof Estimate> }) : reply.code(400).send({ errors: result.errors });
    },
  );
  methodNotAllowed(app, "/v1/estimate", ["POST"]);

  app.get("/v1/policies", { schema: { summary: "有数据的统筹区、版本与出处", response: { 200: Policies } } }, async () => policiesList(getBook()));
  methodNotAllowed(app, "/v1/policies", ["GET", "HEAD"]);

  app.get("/openapi.json", { schema: { hide: true } }, async () => fastify.swagger());
}
