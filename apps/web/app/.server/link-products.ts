import type { AppLoadContext } from "@remix-run/node";
import type { LinkProductOption } from "../components/link-fields";

/** A seller's published products for the link form's picker; null for people who do not sell. */
export async function linkProductOptions(
  context: AppLoadContext,
  user: { roles: { seller: boolean } },
): Promise<LinkProductOption[] | null> {
  if (!user.roles.seller) return null;
  const origin = context.publicUrl.replace(/\/+$/, "");
  const products = await context.api.seller.products.list();
  return products
    .filter((p) => p.status === "published")
    .map((p) => ({
      id: p.id,
      title: p.title,
      url: `${origin}/products/${encodeURIComponent(p.slug)}`,
    }));
}
