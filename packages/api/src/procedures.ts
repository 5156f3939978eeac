import { isDomainError } from "@digistore/core";
import { toTRPCError } from "./errors";
import { t } from "./trpc";

/** Domain errors thrown anywhere below become their tRPC code here, once. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) throw toTRPCError(result.error.cause);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);
