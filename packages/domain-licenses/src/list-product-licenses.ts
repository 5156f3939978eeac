import { decodeCursor, parseInput, toPage, type Page } from "@digistore/core";
import { toLicense, type License } from "./license";
import { listActivationRows, listProductLicenseRows } from "./licenses.repository";
import { ZListProductLicensesInput } from "./licenses.schemas";
import { loadSellerProduct } from "./load-seller-product";
import type { LicensesContext } from "./ports";

export interface SellerLicense extends License {
  readonly customer: { readonly email: string; readonly displayName: string };
}

/** The seller's keys for one product, newest first, with who holds each and its machines. */
export async function listProductLicenses(
  ctx: Pick<LicensesContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<Page<SellerLicense>> {
  const { productId, limit, cursor } = parseInput(ZListProductLicensesInput, input);
  await loadSellerProduct(ctx.db, ctx.actor, productId);
  const key = cursor ? decodeCursor(cursor) : null;
  const before =
    key && typeof key[0] === "string" && typeof key[1] === "string"
      ? { issuedAt: key[0], id: key[1] }
      : undefined;
  const rows = await listProductLicenseRows(ctx.db, productId, { limit, before });
  const activations = await listActivationRows(
    ctx.db,
    rows.map((r) => r.id),
  );
  const now = ctx.clock.now();
  const licenses = rows.map(({ email, display_name, ...row }) => ({
    ...toLicense(
      row,
      activations.filter((a) => a.license_id === row.id),
      now,
    ),
    customer: { email, displayName: display_name },
  }));
  return toPage(licenses, limit, (l) => [l.issuedAt, l.id]);
}
