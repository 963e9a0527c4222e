/** The one command table: what every channel publishes is in it, and reading a command from text. */
import { describe, expect, it } from "vitest";
import { COMMANDS as PUBLISHED } from "../../src/channels/telegram/commands.ts";
import { commandAction, commandEvent, COMMANDS } from "../../src/conversation/commands.ts";
import { neutral } from "../../src/conversation/handle.ts";

describe("commands", () => {
  it("every command the bot publishes is one the conversation decides", () => {
    for (const c of PUBLISHED) expect(Object.keys(COMMANDS), c.command).toContain(c.command);
  });

  it("only our own names are commands: /constructor and /toString are not", () => {
    expect(commandAction("constructor")).toBeUndefined();
    expect(commandAction("toString")).toBeUndefined();
    expect(commandEvent("constructor")).toEqual({ type: "HELP" });
    expect(commandAction("/Forget")).toEqual({ kind: "erase" });
  });

  it("typed text that reads as a command becomes one, with the text after it", () => {
    expect(neutral({ type: "text", text: "/register 苏州" })).toEqual({ type: "command", name: "register", rest: "苏州" });
    expect(neutral({ type: "text", text: " /Start " })).toEqual({ type: "command", name: "start" });
    expect(neutral({ type: "text", text: "/estimate@yidi_bot 住院3万" })).toEqual({ type: "command", name: "estimate", rest: "住院3万" });
    expect(neutral({ type: "text", text: "苏州 /register" })).toEqual({ type: "text", text: "苏州 /register" });
    expect(neutral({ type: "choice", id: "go:estimate" })).toEqual({ type: "choice", id: "go:estimate" });
  });
});
