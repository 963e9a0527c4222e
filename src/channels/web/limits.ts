/** Input limits of the web chat, the same as the bot's for a message. */
import { MAX_TEXT } from "../../conversation/index.ts";

/** Characters the text field takes (the browser stops there; the conversation says so beyond it). */
export const MAX_INPUT = MAX_TEXT;
/** A form post is small; this is far above any real one. */
export const FORM_BODY_LIMIT = 16 * 1024;
