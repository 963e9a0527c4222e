/**
 * zod schemas as route schemas (fastify-type-provider-zod), with one addition: a schema marked
 * `documentationOnly` appears in /openapi.json but is not checked by fastify, for a body whose
 * handler validates it itself with better messages (the evaluator's).
 */
import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import type { $ZodType } from "zod/v4/core";

const documented = new WeakSet<object>();

export function documentationOnly<T extends $ZodType>(schema: T): T {
  documented.add(schema);
  return schema;
}

export const routeValidator: FastifySchemaCompiler<$ZodType> = (route) => {
  if (documented.has(route.schema)) return (data) => ({ value: data });
  return validatorCompiler(route);
};
