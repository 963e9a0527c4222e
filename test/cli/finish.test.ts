/**
 * How a command's end becomes the process's end (src/cli/finish.ts): `yidi nlu` exits at once
 * when all it wrote is with the operating system, and never while some of it waits in a stream.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

type Fs = typeof import("node:fs");

/** finish() and write.ts fresh, with writeSync as given; process.exit and the streams observed. */
async function load(writeSync: Fs["writeSync"]) {
  vi.resetModules();
  const real = process.getBuiltinModule.bind(process);
  vi.spyOn(process, "getBuiltinModule").mockImplementation(((id: string) => (id === "node:fs" ? { ...(real("node:fs") as Fs), writeSync } : real(id))) as typeof process.getBuiltinModule);
  const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
  const streamed: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation(((chunk: Uint8Array) => streamed.push(Buffer.from(chunk).toString())) as never);
  vi.spyOn(process.stderr, "write").mockImplementation(((chunk: string) => streamed.push(String(chunk))) as never);
  const { finish } = await import("../../src/cli/finish.ts");
  const { writeOut } = await import("../../src/cli/write.ts");
  return { finish, writeOut, exit, streamed };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("finish", () => {
  it("exits at once with the command's code when asked to and everything was written", async () => {
    const written: string[] = [];
    const { finish, writeOut, exit } = await load(((_fd: number, bytes: Uint8Array, offset?: number | null) => {
      written.push(Buffer.from(bytes.subarray(offset ?? 0)).toString());
      return bytes.length - (offset ?? 0);
    }) as Fs["writeSync"]);
    writeOut("{}\n");
    finish(Promise.resolve(3), { promptly: true });
    await settled();
    expect(written).toEqual(["{}\n"]);
    expect(exit).toHaveBeenCalledWith(3);
  });

  it("ends naturally when some text went through a stream, so none of it is lost", async () => {
    const { finish, writeOut, exit, streamed } = await load((() => {
      throw Object.assign(new Error("resource temporarily unavailable"), { code: "EAGAIN" });
    }) as Fs["writeSync"]);
    writeOut("{}\n");
    finish(Promise.resolve(0), { promptly: true });
    await settled();
    expect(streamed).toEqual(["{}\n"]);
    expect(exit).not.toHaveBeenCalled();
    expect(process.exitCode).toBe(0);
  });

  it("ends naturally unless asked, and a failure is a short message and code 70", async () => {
    const { finish, exit, streamed } = await load((() => 0) as Fs["writeSync"]);
    finish(Promise.resolve(2));
    await settled();
    expect(exit).not.toHaveBeenCalled();
    expect(process.exitCode).toBe(2);
    finish(Promise.reject(new Error("boom")), { promptly: true });
    await settled();
    expect(exit).not.toHaveBeenCalled();
    expect(process.exitCode).toBe(70);
    expect(streamed.join("")).toContain("程序出了点问题");
    expect(streamed.join("")).not.toContain("boom");
  });
});
