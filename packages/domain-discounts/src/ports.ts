import type { VerbContext } from "@digistore/db";

/** What the discounts verbs use: nothing beyond the verb context. */
export type DiscountsContext = VerbContext;
