import { ForbiddenError, NotFoundError, parseInput, requireUser } from "@digistore/core";
import { getProduct, getVersionFile } from "@digistore/domain-catalog";
import { getAccess } from "./access";
import { DOWNLOAD_TOKEN_TTL_MS, mintDownloadToken } from "./download-token";
import { ZDownloadRequest } from "./orders.schemas";
import type { OrdersContext } from "./ports";

export interface DownloadLink {
  readonly url: string;
  readonly expiresAt: string;
}

/**
 * The Download button: access is checked now, and the link it returns works for five minutes,
 * for this user and this version only.
 */
export async function authorizeDownload(
  ctx: Pick<OrdersContext, "db" | "clock" | "actor" | "downloadSecret">,
  rawInput: unknown,
): Promise<DownloadLink> {
  const { userId } = requireUser(ctx.actor);
  const input = parseInput(ZDownloadRequest, rawInput);
  const product = await getProduct(ctx, input.productId).catch(() => null);
  if (!product) throw new NotFoundError("Product not found.");
  const access = await getAccess(ctx.db, { id: userId }, product);
  if (access === "revoked")
    throw new ForbiddenError("Your access to this product was revoked after a refund or dispute.");
  if (access === "suspended")
    throw new ForbiddenError("Downloads are paused while a payment dispute is open.");
  if (access === "none") throw new ForbiddenError("Buy this product to download it.");
  const versionId = input.versionId ?? product.currentVersionId;
  const version = versionId ? await getVersionFile(ctx, versionId) : null;
  if (!version || version.productId !== product.id)
    throw new NotFoundError("That version does not exist.");
  const expiresAt = ctx.clock.now().getTime() + DOWNLOAD_TOKEN_TTL_MS;
  const token = mintDownloadToken(ctx.downloadSecret, {
    userId,
    versionId: version.id,
    expiresAt,
  });
  return { url: `/download/${token}`, expiresAt: new Date(expiresAt).toISOString() };
}
