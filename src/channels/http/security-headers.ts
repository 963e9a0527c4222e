/**
 * The security headers of every answer (a strict CSP: no inline script, no framing), worked out
 * once at start. helmet's fastify plugin builds helmet's middleware, CSP string included, anew
 * on every request; the headers depend on nothing in the request, so here they are computed by
 * helmet itself once and set as they are.
 */
import helmet, { type HelmetOptions } from "helmet";
import type { FastifyInstance } from "fastify";

export const SECURITY: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      manifestSrc: ["'self'"],
    },
  },
  // The summary pages are opened from WeChat and mail; the referrer would carry their link.
  referrerPolicy: { policy: "no-referrer" },
  crossOriginEmbedderPolicy: false,
  // Plain HTTP on localhost must keep working; TLS is the proxy's business.
  strictTransportSecurity: false,
};

/** The header pairs helmet sets for these options. */
export function securityHeaders(options: Readonly<HelmetOptions> = SECURITY): [string, string][] {
  const headers: [string, string][] = [];
  const response = {
    setHeader(name: string, value: unknown) {
      headers.push([name, String(value)]);
    },
    removeHeader() {},
  };
  helmet(options)({} as never, response as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * Sets the headers on every answer, before routing (404s and refusals carry them too). They go
 * with fastify's own headers (content type, length) to Node's writeHead in one object: a header
 * set on the raw response beforehand makes Node take every header of the answer through
 * setHeader one by one, validated and stored in a map, on each request.
 */
export function installSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions> = SECURITY): void {
  const headers = securityHeaders(options).map(([name, value]) => [name.toLowerCase(), value] as const);
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of headers) reply.header(name, value);
    done();
  });
}
