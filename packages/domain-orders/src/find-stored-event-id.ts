import { parseInput, requireStaffOrSystem } from "@digistore/core";
import { findEventRowByProviderId } from "./events.repository";
import { ZProviderEventRef } from "./orders.schemas";
import type { OrdersContext } from "./ports";

/** Finds a stored event by the provider's own id (CLI `payments replay <event id>`). */
export async function findStoredEventId(
  ctx: Pick<OrdersContext, "db" | "actor" | "payments">,
  rawInput: unknown,
): Promise<string | null> {
  requireStaffOrSystem(ctx.actor);
  const input = parseInput(ZProviderEventRef, rawInput);
  return (
    (await findEventRowByProviderId(ctx.db, ctx.payments.name, input.providerEventId))?.id ?? null
  );
}
