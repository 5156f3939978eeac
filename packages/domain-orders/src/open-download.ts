import { newId, parseInput } from "@digistore/core";
import { getProduct, getVersionFile, type ByteRange } from "@digistore/domain-catalog";
import type { Readable } from "node:stream";
import { canAccess } from "./access";
import { insertDownloadRow } from "./downloads.repository";
import { checkDownloadToken } from "./download-token";
import { ZOpenDownloadInput } from "./orders.schemas";
import type { OrdersContext } from "./ports";

export type DownloadResult =
  | {
      readonly ok: true;
      readonly body: Readable;
      readonly size: number;
      readonly range: ByteRange | null;
      readonly fileName: string;
      readonly contentType: string;
      readonly sha256: string;
    }
  | { readonly ok: false; readonly status: 403 | 404 | 410 | 416; readonly message: string };

/**
 * Serves a download link: genuine, unexpired, for the signed-in user who asked for it, and
 * access still held right now. Every served download is logged. Refusals are answers (the
 * web server shows them as pages), not errors: an anonymous caller gets the same 403.
 */
export async function openDownload(
  ctx: Pick<OrdersContext, "db" | "clock" | "actor" | "downloadSecret" | "storage">,
  rawInput: unknown,
): Promise<DownloadResult> {
  const input = parseInput(ZOpenDownloadInput, rawInput);
  const check = checkDownloadToken(ctx.downloadSecret, input.token, ctx.clock.now());
  if (!check.ok) {
    return check.reason === "expired"
      ? {
          ok: false,
          status: 410,
          message:
            "This download link has expired. Go back to My Products and click Download again.",
        }
      : {
          ok: false,
          status: 403,
          message: "This download link is not valid. Go back to My Products and click Download.",
        };
  }
  if (ctx.actor.kind !== "user" || ctx.actor.userId !== check.claims.userId) {
    return {
      ok: false,
      status: 403,
      message:
        "This download link belongs to another account. Log in and download from My Products.",
    };
  }
  const user = { id: ctx.actor.userId };
  const version = await getVersionFile(ctx, check.claims.versionId);
  if (!version) return { ok: false, status: 404, message: "That file no longer exists." };
  const product = await getProduct(ctx, version.productId);
  if (!(await canAccess(ctx.db, user, product))) {
    return { ok: false, status: 403, message: "You no longer have access to this product." };
  }
  const range = input.range ? input.range(version.fileSize) : null;
  if (range === "unsatisfiable")
    return { ok: false, status: 416, message: "The requested range is not in the file." };
  const object = await ctx.storage.get(version.fileKey, range ?? undefined);
  if (!object)
    return {
      ok: false,
      status: 404,
      message: "That file is missing from storage. The seller has been told.",
    };
  await insertDownloadRow(ctx.db, {
    id: newId(),
    user_id: user.id,
    product_id: product.id,
    version_id: version.id,
    created_at: ctx.clock.now().toISOString(),
    ip: input.ip ?? null,
    user_agent: input.userAgent ?? null,
    range_start: range?.start ?? null,
  });
  return {
    ok: true,
    body: object.body,
    size: object.size,
    range,
    fileName: version.fileName,
    contentType: version.contentType,
    sha256: version.sha256,
  };
}
