/**
 * Button payloads: `1|<version>|<choice id>`. The leading 1 is the format; the version is the
 * stored conversation version the keyboard was drawn for (base 36), so a button from an older
 * message no longer matches and is refused. Everything is checked with zod: callback_data
 * comes from the client and can be forged. Telegram allows 1–64 bytes.
 */
import { z } from "zod";

export const CALLBACK_FORMAT = 1;
export const MAX_CALLBACK_BYTES = 64;

// Printable ASCII without the separator: ids such as "v:classB:?" must fit.
const CHOICE_ID = /^[\x21-\x7b\x7d\x7e]{1,48}$/;

export const CallbackData = z
  .string()
  .refine((s) => Buffer.byteLength(s, "utf8") <= MAX_CALLBACK_BYTES)
  .transform((s) => s.split("|"))
  .pipe(z.tuple([z.literal(String(CALLBACK_FORMAT)), z.string().regex(/^[0-9a-z]{1,11}$/), z.string().regex(CHOICE_ID)]))
  .transform(([, v, id]) => ({ version: parseInt(v, 36), id }))
  .pipe(z.object({ version: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), id: z.string() }));

export type CallbackPayload = z.output<typeof CallbackData>;

/** The payload for a choice, or null when the id cannot be carried (too long, odd characters). */
export function encodeCallback(version: number, id: string): string | null {
  if (!CHOICE_ID.test(id) || !Number.isSafeInteger(version) || version < 0) return null;
  const data = `${CALLBACK_FORMAT}|${version.toString(36)}|${id}`;
  return Buffer.byteLength(data, "utf8") <= MAX_CALLBACK_BYTES ? data : null;
}

/** The payload of a pressed button, or null when it is not one of ours. */
export function decodeCallback(data: unknown): CallbackPayload | null {
  const parsed = CallbackData.safeParse(data);
  return parsed.success ? parsed.data : null;
}
