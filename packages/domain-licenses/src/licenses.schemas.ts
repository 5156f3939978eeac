import { ZId, ZPageInput } from "@digistore/core";
import { z } from "zod";
import { LICENSE_KEY_PATTERN, normaliseLicenseKey } from "./license-key";

const ZLicenseKey = z
  .string({ message: "A licence key is required." })
  .max(64, "That is not a licence key.")
  .transform(normaliseLicenseKey)
  .refine((key) => LICENSE_KEY_PATTERN.test(key), "That is not a licence key.");

/** Every public call names the key and the product the calling app is. */
const ZPublicCall = z.object({ key: ZLicenseKey, productId: ZId });

export const ZValidateLicenseInput = ZPublicCall.extend({ instanceId: ZId.optional() });
export const ZActivateLicenseInput = ZPublicCall.extend({
  instanceName: z
    .string({ message: "Name the machine (instanceName)." })
    .trim()
    .min(1, "Name the machine (instanceName).")
    .max(120, "A machine name is at most 120 characters."),
});
export const ZDeactivateLicenseInput = ZPublicCall.extend({ instanceId: ZId });

export const ZSetLicensePolicyInput = z.object({
  productId: ZId,
  enabled: z.boolean(),
  activationLimit: z
    .number()
    .int("Use a whole number of machines.")
    .min(1, "Allow at least one machine, or choose unlimited.")
    .max(1000, "At most 1,000 machines; choose unlimited for more.")
    .nullable(),
  validityDays: z
    .number()
    .int("Use a whole number of days.")
    .min(1, "A key lasts at least one day, or choose no expiry.")
    .max(36500, "At most 100 years; choose no expiry for longer.")
    .nullable(),
});

export const ZProductLicenseRef = z.object({ productId: ZId });
export const ZListProductLicensesInput = ZPageInput.extend({ productId: ZId });
export const ZSetLicenseDisabledInput = z.object({ licenseId: ZId, disabled: z.boolean() });
export const ZLicenseRef = z.object({ licenseId: ZId });
export const ZReleaseActivationInput = z.object({ productId: ZId, activationId: ZId });
