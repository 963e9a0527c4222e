/**
 * Structured logs (pino). Nothing a person typed is logged unredacted: strings pass through
 * the language layer's redact() (身份证, phone numbers, names), and Telegram's profile fields
 * are censored by path in case a whole update object is ever logged.
 */
import pino, { type Logger } from "pino";
import { redact } from "./language/redact.ts";

export type { Logger };

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { type: value.name, message: redact(value.message), stack: value.stack ? redact(value.stack) : undefined };
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

const PROFILE_FIELDS = ["first_name", "last_name", "username", "phone_number", "text", "caption"];

export function createLogger(level = process.env.LOG_LEVEL ?? "info", destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: "yidi-bot" },
    redact: { paths: [...PROFILE_FIELDS.map((f) => `*.${f}`), ...PROFILE_FIELDS.map((f) => `*.*.${f}`)], censor: "[redacted]" },
    formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const cleaned = args.map((a) => (typeof a === "string" ? redact(a) : a));
        return method.apply(this, cleaned as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
