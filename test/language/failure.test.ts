/**
 * The parser fails loudly, never silently: a broken install stops the program, a reader that
 * throws is reported, and a parser that understands nothing fails its check, which a service runs
 * at its start and refuses to start on. (A missing package once turned every message into
 * out_of_scope without a word anywhere.)
 */
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("../../src/language/topics.ts");
  vi.doUnmock("../../src/language/intents.ts");
  vi.restoreAllMocks();
  vi.resetModules();
});

/** The side-topic reader (the last step of every parse) replaced by one that throws `error`. */
async function parserWhoseTopicReaderThrows(error: () => unknown) {
  vi.resetModules();
  let armed = false;
  vi.doMock("../../src/language/topics.ts", () => ({
    sideTopic: () => {
      if (armed) throw error();
      return undefined;
    },
  }));
  const { parse } = await import("../../src/language/index.ts");
  armed = true;
  return parse;
}

describe("the parser fails loudly", () => {
  it("a package that cannot be found is thrown, not answered as out_of_scope", async () => {
    const parse = await parserWhoseTopicReaderThrows(() =>
      Object.assign(new Error("Cannot find package 'pinyin-pro' imported from places"), { code: "ERR_MODULE_NOT_FOUND" }),
    );
    expect(() => parse("我在苏州交的职工医保，在上海住院花了3万，能报多少")).toThrow(/Cannot find package/u);
  });

  it("a CommonJS require of a missing file is thrown too", async () => {
    const parse = await parserWhoseTopicReaderThrows(() => Object.assign(new Error("Cannot find module 'x.json'"), { code: "MODULE_NOT_FOUND" }));
    expect(() => parse("能报多少")).toThrow(/Cannot find module/u);
  });

  it("any other failure answers as not understood and is reported once, without the message text", async () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    const parse = await parserWhoseTopicReaderThrows(() => new TypeError("cannot read 13812345678"));
    expect(parse("我叫张伟 电话13812345678 能报多少")).toEqual({ intent: "out_of_scope", confidence: 0, slots: {} });
    parse("又一次");
    expect(warn).toHaveBeenCalledTimes(1);
    const [text, options] = warn.mock.calls[0] as [string, { type: string }];
    expect(options.type).toBe("ParseFailure");
    expect(text).toMatch(/TypeError/u);
    expect(text).not.toMatch(/13812345678|张伟/u);
  });

  /** The parser with an intent reader that recognises nothing. */
  function mockParserThatUnderstandsNothing() {
    vi.resetModules();
    vi.doMock("../../src/language/intents.ts", async (original) => ({
      ...(await original<typeof import("../../src/language/intents.ts")>()),
      scoreIntent: () => ({ intent: "out_of_scope", score: 0, runnerUp: 0 }),
    }));
  }

  it("a parser that understands nothing fails its check", async () => {
    mockParserThatUnderstandsNothing();
    const { checkParser } = await import("../../src/language/index.ts");
    expect(() => checkParser()).toThrow(/does not understand its own example/u);
  });

  it("a service (npm run bot / npm run web) refuses to start with a parser that understands nothing, in one line", async () => {
    mockParserThatUnderstandsNothing();
    const exit = vi.spyOn(process, "exit").mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const { settings } = await import("../../src/serve.ts");
    expect(() => settings({ web: true })).toThrow(/^exit 1$/u);
    expect(exit).toHaveBeenCalledWith(1);
    const written = stderr.mock.calls.map(([text]) => String(text)).join("");
    expect(written).toMatch(/does not understand its own example/u);
    expect(written.trim().split("\n")).toHaveLength(1);
  });

  it("the real parser passes its check, and a service starts with it", async () => {
    vi.resetModules();
    const { parse, checkParser } = await import("../../src/language/index.ts");
    expect(() => checkParser()).not.toThrow();
    expect(parse("我在苏州交的职工医保，在上海住院花了3万，能报多少").intent).toBe("estimate");
    const exit = vi.spyOn(process, "exit").mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const { settings } = await import("../../src/serve.ts");
    expect(settings({ web: true }).config).toBeTruthy();
    expect(exit).not.toHaveBeenCalled();
  });
});
