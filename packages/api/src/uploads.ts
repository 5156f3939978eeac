import { addProductVersion, getProductCover, setProductCover } from "@digistore/domain-catalog";
import { ForbiddenError, requireSeller, requireUser } from "@digistore/core";
import type { Readable } from "node:stream";
import type { Context } from "./context";

/**
 * File bodies do not fit tRPC's JSON; the web server streams them here instead. The gate is
 * sellerProcedure's (signed in, verified email, seller); ownership is checked in the verbs.
 */
function assertVerifiedSeller(ctx: Context): void {
  requireUser(ctx.actor);
  if (!ctx.user?.emailVerified) throw new ForbiddenError("Verify your email address first.");
  requireSeller(ctx.actor, "Only sellers can do this. Start selling from your account.");
}

export async function uploadProductVersion(ctx: Context, meta: unknown, body: Readable) {
  assertVerifiedSeller(ctx);
  return await addProductVersion(ctx, meta, body);
}

export async function uploadProductCover(
  ctx: Context,
  input: { productId: string; contentType: string },
  body: Readable,
) {
  assertVerifiedSeller(ctx);
  return await setProductCover(ctx, input, body);
}

export async function readProductCover(ctx: Context, productId: string, fileName: string) {
  return await getProductCover(ctx, { productId, fileName });
}
