export type { LicensesContext } from "./ports";
export type { License, LicenseActivation, LicenseStatus } from "./license";
export type { LicensePolicy } from "./license-policy";
export type { LicenseCheck } from "./license-check";
export type { LicenseTokenClaims } from "./license-token";
export type { SellerLicense } from "./list-product-licenses";
export { createLicenseOrderHook } from "./license-order-hook";
export { setLicensePolicy } from "./set-license-policy";
export { getLicensePolicy } from "./get-license-policy";
export { getMyLicense } from "./get-my-license";
export { releaseMyActivation } from "./release-my-activation";
export { listProductLicenses } from "./list-product-licenses";
export { setLicenseDisabled } from "./set-license-disabled";
export { resetLicenseActivations } from "./reset-license-activations";
export { getLicensePublicKey } from "./get-license-public-key";
export { validateLicense } from "./validate-license";
export { activateLicense } from "./activate-license";
export { deactivateLicense } from "./deactivate-license";
export {
  ZValidateLicenseInput,
  ZActivateLicenseInput,
  ZDeactivateLicenseInput,
  ZSetLicensePolicyInput,
  ZProductLicenseRef,
  ZListProductLicensesInput,
  ZSetLicenseDisabledInput,
  ZLicenseRef,
  ZReleaseActivationInput,
} from "./licenses.schemas";
