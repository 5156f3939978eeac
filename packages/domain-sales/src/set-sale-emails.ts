import { parseInput, requireSeller } from "@digistore/core";
import type { SaleEmails, VerbContext } from "@digistore/db";
import { ZSetSaleEmailsInput } from "./sales.schemas";

/** Whether the signed-in seller is emailed for each sale. */
export async function setSaleEmails(
  ctx: Pick<VerbContext, "db" | "actor">,
  input: unknown,
): Promise<{ saleEmails: SaleEmails }> {
  const seller = requireSeller(ctx.actor, "Only sellers get sale emails.");
  const { saleEmails } = parseInput(ZSetSaleEmailsInput, input);
  await ctx.db
    .updateTable("users")
    .set({ sale_emails: saleEmails })
    .where("id", "=", seller.userId)
    .execute();
  return { saleEmails };
}
