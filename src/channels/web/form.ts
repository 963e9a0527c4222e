/**
 * The fields of the web chat's form posts (/chat, /forget, /save). The zod schema says what is
 * taken; a post as the page makes it (each field a string within its limit) is recognised by a
 * plain check first, and only a post that fails it goes through zod, for zod's verdict and
 * message. In the server zod's parser is shared by every schema the conversation checks, and
 * there it cost about as much per message as the rest of the form's handling.
 */
import { z } from "zod";
import { FORM_BODY_LIMIT } from "./limits.ts";

const MAX = { csrf: 64, text: FORM_BODY_LIMIT, choice: 64, send: 8 } as const;

export const Form = z.object({
  csrf: z.string().max(MAX.csrf).optional(),
  text: z.string().max(MAX.text).optional(),
  choice: z.string().max(MAX.choice).optional(),
  send: z.string().max(MAX.send).optional(),
});
export type Form = z.infer<typeof Form>;

const fits = (v: unknown, max: number) => v === undefined || (typeof v === "string" && v.length <= max);

/** The form's fields, or the first problem (field and message) when the post is not such a form. */
export function readForm(body: unknown): { ok: true; form: Form } | { ok: false; field: string; message: string } {
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (fits(b.csrf, MAX.csrf) && fits(b.text, MAX.text) && fits(b.choice, MAX.choice) && fits(b.send, MAX.send))
      return { ok: true, form: { csrf: b.csrf as string | undefined, text: b.text as string | undefined, choice: b.choice as string | undefined, send: b.send as string | undefined } };
  }
  const parsed = Form.safeParse(body);
  if (parsed.success) return { ok: true, form: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: issue?.path.join(".") ?? "", message: issue?.message ?? "" };
}
