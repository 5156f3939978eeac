import { ValidationError } from "@digistore/core";
import { getLinkAnalytics, getShortLink } from "@digistore/domain-shorturl";
import type { Context } from "../context";
import type { StoreFile } from "../files/store-file";
import { linkAnalyticsCsv } from "./link-analytics-csv";
import { linkQrCode, type QrFormat } from "./link-qr-code";

/**
 * Files about a link that do not fit tRPC's JSON; the web server sends them as downloads.
 * Who may have them is the verbs' rule (owner or staff; anyone else: NOT_FOUND).
 */

/** `{ linkId, from?, to?, timezone? }` as for `links.analytics` → the daily figures as CSV. */
export async function linkAnalyticsCsvFor(ctx: Context, input: unknown): Promise<StoreFile> {
  const analytics = await getLinkAnalytics(ctx, input);
  const link = await getShortLink(ctx, { linkId: analytics.linkId });
  return {
    filename: `link-${link.slug}-${analytics.from}-to-${analytics.to}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: linkAnalyticsCsv(analytics),
  };
}

const QR_FORMATS: readonly string[] = ["svg", "png"] satisfies QrFormat[];

export async function linkQrCodeFor(
  ctx: Context,
  input: { linkId: string; format: QrFormat },
): Promise<StoreFile> {
  if (!QR_FORMATS.includes(input.format)) {
    throw new ValidationError("QR codes come as svg or png.", { format: ["Choose svg or png."] });
  }
  const link = await getShortLink(ctx, { linkId: input.linkId });
  const qr = await linkQrCode(link.shortUrl, input.format);
  return { filename: `link-${link.slug}-qr.${input.format}`, ...qr };
}
