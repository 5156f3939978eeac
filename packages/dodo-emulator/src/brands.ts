import type { BrandListResponse } from "./dodo-types";
import type { EmulatorContext } from "./state";

/** `GET /brands`: the one brand of the emulated business (its id is the business id). */
export function listBrands(ctx: EmulatorContext): BrandListResponse {
  return {
    items: [
      {
        brand_id: ctx.businessId,
        business_id: ctx.businessId,
        enabled: true,
        statement_descriptor: "DIGISTORE",
        verification_enabled: false,
        verification_status: "Success",
        name: "Emulated business",
      },
    ],
  };
}
