import { NotFoundError, ValidationError, requireUser, type Actor } from "@digistore/core";
import type { Database, ShortLinksTable } from "@digistore/db";
import type { Kysely } from "kysely";
import { productPageUrl } from "./short-link";
import { resolveTarget, TARGET_PROBLEM_MESSAGES, type UtmTags } from "./target-url";

export interface TargetInput {
  readonly targetUrl?: string | undefined;
  readonly productId?: string | null | undefined;
  readonly utmSource?: string | null | undefined;
  readonly utmMedium?: string | null | undefined;
  readonly utmCampaign?: string | null | undefined;
  readonly utmTerm?: string | null | undefined;
  readonly utmContent?: string | null | undefined;
  readonly expiresAt?: string | null | undefined;
}

type TargetColumns = Pick<
  ShortLinksTable,
  | "target_url"
  | "product_id"
  | "utm_source"
  | "utm_medium"
  | "utm_campaign"
  | "utm_term"
  | "utm_content"
  | "expires_at"
>;

/**
 * The columns for a link's destination, or a ValidationError naming the field. A product must
 * be on sale (or the person's own); the address must be one a browser may be sent to.
 */
export async function targetColumns(
  db: Kysely<Database>,
  actor: Actor,
  publicUrl: string,
  now: Date,
  input: TargetInput,
): Promise<TargetColumns> {
  const user = requireUser(actor);
  const utm: Required<UtmTags> = {
    utm_source: input.utmSource ?? null,
    utm_medium: input.utmMedium ?? null,
    utm_campaign: input.utmCampaign ?? null,
    utm_term: input.utmTerm ?? null,
    utm_content: input.utmContent ?? null,
  };
  let target = input.targetUrl ?? "";
  if (input.productId) {
    const product = await db
      .selectFrom("products")
      .select(["slug", "status", "seller_id"])
      .where("id", "=", input.productId)
      .executeTakeFirst();
    if (!product || (product.status !== "published" && product.seller_id !== user.userId)) {
      throw new NotFoundError("Product not found.");
    }
    target = productPageUrl(publicUrl, product.slug);
  }
  const resolved = resolveTarget(target, utm, publicUrl);
  if (!resolved.ok) {
    const message = TARGET_PROBLEM_MESSAGES[resolved.problem];
    throw new ValidationError(message, { targetUrl: [message] });
  }
  if (input.expiresAt && input.expiresAt <= now.toISOString()) {
    const message = "Choose an expiry date in the future.";
    throw new ValidationError(message, { expiresAt: [message] });
  }
  return {
    target_url: target,
    product_id: input.productId ?? null,
    utm_source: utm.utm_source ?? null,
    utm_medium: utm.utm_medium ?? null,
    utm_campaign: utm.utm_campaign ?? null,
    utm_term: utm.utm_term ?? null,
    utm_content: utm.utm_content ?? null,
    expires_at: input.expiresAt ?? null,
  };
}
