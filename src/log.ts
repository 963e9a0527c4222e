/**
 * Structured logs (pino). Nothing a person typed is logged unredacted: strings pass through
 * the language layer's redact() (身份证, phone numbers, names), and Telegram's profile and
 * message fields are censored by key at any depth, so logging a whole update is safe.
 */
import pino, { type Logger } from "pino";
import { redact } from "./language/redact.ts";

export type { Logger };

// Telegram's profile and content fields: censored by key wherever they sit in a logged object
// (a whole update nests them four or five levels deep: update.callback_query.message.chat.first_name).
const PROFILE_FIELDS = new Set(["first_name", "last_name", "username", "phone_number", "text", "caption", "vcard", "email", "bio", "quote"]);
const CENSOR = "[redacted]";
const MAX_DEPTH = 16;

function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return redact(value);
  if (value === null || typeof value !== "object") return value;
  // Never hand pino a part that was not looked at: too deep or circular is dropped, not passed through.
  if (depth > MAX_DEPTH || seen.has(value)) return "[omitted]";
  if (value instanceof Error) return { type: value.name, message: redact(value.message), stack: value.stack ? redact(value.stack) : undefined };
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1, seen));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PROFILE_FIELDS.has(k) && v !== undefined && v !== null ? CENSOR : scrub(v, depth + 1, seen)]));
  } finally {
    seen.delete(value);
  }
}

export function createLogger(level = process.env.LOG_LEVEL ?? "info", destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: "yidi-bot" },
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
