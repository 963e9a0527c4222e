export * from "./flows.ts";
