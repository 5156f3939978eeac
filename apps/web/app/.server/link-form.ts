import type { FormFailure } from "./form-result";
import { formString } from "./form-result";

/** The link form's fields, as typed (to fill the form again after a refusal). */
const LINK_FORM_FIELDS = [
  "targetUrl",
  "productId",
  "slug",
  "utmSource",
  "utmMedium",
  "utmCampaign",
  "utmTerm",
  "utmContent",
  "expiresAt",
] as const;
export type LinkFormValues = Record<(typeof LINK_FORM_FIELDS)[number], string>;

/**
 * The expiry is typed as a UTC date and time (`datetime-local`); the API takes an ISO instant.
 * Anything unreadable is passed on as typed, for the API to refuse on the field.
 */
function expiryInstant(typed: string): string | null {
  if (!typed.trim()) return null;
  const instant = new Date(`${typed.trim()}Z`);
  return Number.isNaN(instant.getTime()) ? typed : instant.toISOString();
}

/** Reads the create/edit form: an address or a product (the API refuses both or neither). */
export function readLinkForm(form: FormData) {
  const values = Object.fromEntries(
    LINK_FORM_FIELDS.map((name) => [name, formString(form, name)]),
  ) as LinkFormValues;
  const input = {
    ...(values.targetUrl.trim() ? { targetUrl: values.targetUrl } : {}),
    productId: values.productId || null,
    utmSource: values.utmSource,
    utmMedium: values.utmMedium,
    utmCampaign: values.utmCampaign,
    utmTerm: values.utmTerm,
    utmContent: values.utmContent,
    expiresAt: expiryInstant(values.expiresAt),
  };
  return { values, input };
}

/** A taken slug is a conflict in the API; on the form it belongs next to the slug field. */
export function slugClashOnField(failure: FormFailure): FormFailure {
  if (failure.status !== 409) return failure;
  return { ...failure, fieldErrors: { ...failure.fieldErrors, slug: [failure.formError] } };
}
