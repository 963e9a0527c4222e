/**
 * What the conversation reads from one message (intent, slots, ambiguities), for `yidi nlu`.
 * Its own small door, so that the command's cold start loads the reader and nothing else.
 */
export { parse } from "../language/index.ts";
