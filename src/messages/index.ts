/** The message catalogue: every user-facing sentence lives in one of these files. */
export * from "./cli.ts";
export * from "./policy.ts";
export * from "./estimate.ts";
export * from "./web.ts";
