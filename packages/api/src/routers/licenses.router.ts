import {
  getLicensePolicy,
  getLicensePublicKey,
  getMyLicense,
  listProductLicenses,
  releaseMyActivation,
  resetLicenseActivations,
  setLicenseDisabled,
  setLicensePolicy,
  ZLicenseRef,
  ZListProductLicensesInput,
  ZProductLicenseRef,
  ZReleaseActivationInput,
  ZSetLicenseDisabledInput,
  ZSetLicensePolicyInput,
} from "@digistore/domain-licenses";
import { authedProcedure, router, sellerProcedure } from "../procedures";

/** The owner's side: their key for a product and its machines. */
export const libraryLicensesRouter = router({
  mine: authedProcedure
    .input(ZProductLicenseRef)
    .query(({ ctx, input }) => getMyLicense(ctx, input)),
  release: authedProcedure
    .input(ZReleaseActivationInput)
    .mutation(({ ctx, input }) => releaseMyActivation(ctx, input)),
});

/** The seller's side: terms per product, keys per customer. Ownership is checked in the verbs. */
export const sellerLicensesRouter = router({
  policy: sellerProcedure
    .input(ZProductLicenseRef)
    .query(({ ctx, input }) => getLicensePolicy(ctx, input)),
  setPolicy: sellerProcedure
    .input(ZSetLicensePolicyInput)
    .mutation(({ ctx, input }) => setLicensePolicy(ctx, input)),
  list: sellerProcedure
    .input(ZListProductLicensesInput)
    .query(({ ctx, input }) => listProductLicenses(ctx, input)),
  setDisabled: sellerProcedure
    .input(ZSetLicenseDisabledInput)
    .mutation(({ ctx, input }) => setLicenseDisabled(ctx, input)),
  resetActivations: sellerProcedure
    .input(ZLicenseRef)
    .mutation(({ ctx, input }) => resetLicenseActivations(ctx, input)),
  publicKey: sellerProcedure.query(({ ctx }) => getLicensePublicKey(ctx)),
});
