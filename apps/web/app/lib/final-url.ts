/** The UTM fields of the link form: form field name, query parameter, label, example. */
export const UTM_FORM_FIELDS = [
  { name: "utmSource", param: "utm_source", label: "Source", example: "newsletter" },
  { name: "utmMedium", param: "utm_medium", label: "Medium", example: "email" },
  { name: "utmCampaign", param: "utm_campaign", label: "Campaign", example: "spring-sale" },
  { name: "utmTerm", param: "utm_term", label: "Term", example: "ebook" },
  { name: "utmContent", param: "utm_content", label: "Content", example: "header-button" },
] as const;
export type UtmFormName = (typeof UTM_FORM_FIELDS)[number]["name"];

/**
 * The address visitors will land on, for the form's live preview: the target with its UTM tags
 * set the way the API sets them. Null while the target is not yet a web address; the API's
 * answer (and its field errors) stay the authority.
 */
export function finalUrl(target: string, utm: Partial<Record<UtmFormName, string>>): string | null {
  let url: URL;
  try {
    url = new URL(target.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  for (const field of UTM_FORM_FIELDS) {
    const value = utm[field.name]?.trim();
    if (value) url.searchParams.set(field.param, value);
  }
  return url.toString();
}
