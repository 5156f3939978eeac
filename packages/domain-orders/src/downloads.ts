import { ForbiddenError, NotFoundError, newId } from "@digistore/core";
import { getProduct, getVersionFile, type ByteRange } from "@digistore/domain-catalog";
import type { Readable } from "node:stream";
import { canAccess, getAccess } from "./access";
import { insertDownloadRow } from "./downloads.repository";
import { checkDownloadToken, DOWNLOAD_TOKEN_TTL_MS, mintDownloadToken } from "./download-token";
import type { OrdersDeps } from "./ports";

export interface DownloadLink {
  readonly url: string;
  readonly expiresAt: string;
}

/**
 * The Download button: access is checked now, and the link it returns works for five minutes,
 * for this user and this version only.
 */
export async function authorizeDownload(
  deps: OrdersDeps,
  user: { id: string },
  input: { productId: string; versionId?: string | undefined },
): Promise<DownloadLink> {
  const product = await getProduct(deps, input.productId.slice(0, 64)).catch(() => null);
  if (!product) throw new NotFoundError("Product not found.");
  const access = await getAccess(deps.db, user, product);
  if (access === "revoked")
    throw new ForbiddenError("Your access to this product was revoked after a refund or dispute.");
  if (access === "suspended")
    throw new ForbiddenError("Downloads are paused while a payment dispute is open.");
  if (access === "none") throw new ForbiddenError("Buy this product to download it.");
  const versionId = input.versionId ?? product.currentVersionId;
  const version = versionId ? await getVersionFile(deps, versionId.slice(0, 64)) : null;
  if (!version || version.productId !== product.id)
    throw new NotFoundError("That version does not exist.");
  const expiresAt = deps.clock.now().getTime() + DOWNLOAD_TOKEN_TTL_MS;
  const token = mintDownloadToken(deps.downloadSecret, {
    userId: user.id,
    versionId: version.id,
    expiresAt,
  });
  return { url: `/download/${token}`, expiresAt: new Date(expiresAt).toISOString() };
}

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
 * access still held right now. Every served download is logged.
 */
export async function openDownload(
  deps: OrdersDeps,
  user: { id: string } | null,
  token: string,
  options: {
    range?: (size: number) => ByteRange | "unsatisfiable" | null;
    ip?: string | undefined;
    userAgent?: string | undefined;
  } = {},
): Promise<DownloadResult> {
  const check = checkDownloadToken(deps.downloadSecret, token, deps.clock.now());
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
  if (!user || user.id !== check.claims.userId) {
    return {
      ok: false,
      status: 403,
      message:
        "This download link belongs to another account. Log in and download from My Products.",
    };
  }
  const version = await getVersionFile(deps, check.claims.versionId);
  if (!version) return { ok: false, status: 404, message: "That file no longer exists." };
  const product = await getProduct(deps, version.productId);
  if (!(await canAccess(deps.db, user, product))) {
    return { ok: false, status: 403, message: "You no longer have access to this product." };
  }
  const range = options.range ? options.range(version.fileSize) : null;
  if (range === "unsatisfiable")
    return { ok: false, status: 416, message: "The requested range is not in the file." };
  const object = await deps.storage.get(version.fileKey, range ?? undefined);
  if (!object)
    return {
      ok: false,
      status: 404,
      message: "That file is missing from storage. The seller has been told.",
    };
  await insertDownloadRow(deps.db, {
    id: newId(),
    user_id: user.id,
    product_id: product.id,
    version_id: version.id,
    created_at: deps.clock.now().toISOString(),
    ip: options.ip?.slice(0, 64) ?? null,
    user_agent: options.userAgent?.slice(0, 300) ?? null,
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
