/**
 * What the conversation reads from one message (intent, slots, ambiguities), for `yidi nlu`, and
 * the check a service runs at its start that the reader works. Its own small door, so that the
 * command's cold start loads the reader and nothing else.
 */
export { parse, checkParser } from "../language/index.ts";
