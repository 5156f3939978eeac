import { parseInput, requireSeller } from "@digistore/core";
import type { SaleEmails, VerbContext } from "@digistore/db";
import { ZSetSaleEmailsInput } from "./sales.schemas";
import { setUserSaleEmails } from "./sellers.repository";

/** Whether the signed-in seller is emailed for each sale. */
export async function setSaleEmails(
  ctx: Pick<VerbContext, "db" | "actor">,
  input: unknown,
): Promise<{ saleEmails: SaleEmails }> {
  const seller = requireSeller(ctx.actor, "Only sellers get sale emails.");
  const { saleEmails } = parseInput(ZSetSaleEmailsInput, input);
  await setUserSaleEmails(ctx.db, seller.userId, saleEmails);
  return { saleEmails };
}
