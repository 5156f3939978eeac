import { addProductVersion, getProductCover, setProductCover } from "@digistore/domain-catalog";
import { UnauthorizedError, ForbiddenError } from "@digistore/core";
import type { Readable } from "node:stream";
import type { Context } from "./context";
import { catalogActor, catalogDeps } from "./deps";

/**
 * File bodies do not fit tRPC's JSON; the web server streams them here instead. The same
 * role rules as sellerProcedure apply, and ownership is checked in the verbs.
 */
function requireSeller(ctx: Context) {
  const actor = catalogActor(ctx);
  if (!actor || !ctx.user) throw new UnauthorizedError("Log in to continue.");
  if (!ctx.user.emailVerified) throw new ForbiddenError("Verify your email address first.");
  if (!actor.seller)
    throw new ForbiddenError("Only sellers can do this. Start selling from your account.");
  return actor;
}

export async function uploadProductVersion(ctx: Context, meta: unknown, body: Readable) {
  return await addProductVersion(catalogDeps(ctx), requireSeller(ctx), meta, body);
}

export async function uploadProductCover(
  ctx: Context,
  input: { productId: string; contentType: string },
  body: Readable,
) {
  return await setProductCover(catalogDeps(ctx), requireSeller(ctx), input, body);
}

export async function readProductCover(ctx: Context, productId: string, fileName: string) {
  return await getProductCover(catalogDeps(ctx), catalogActor(ctx), productId, fileName);
}
