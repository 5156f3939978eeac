import { formString } from "./form-result";

/** A blank box means "no limit"; anything else must read as a number (the API judges the rest). */
function optionalCount(form: FormData, name: string): number | null | "invalid" {
  const text = formString(form, name).trim();
  if (text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : "invalid";
}

/** The seller's licensing form as the API's input, or per-field messages. */
export function readLicensePolicyForm(form: FormData) {
  const activationLimit = optionalCount(form, "activationLimit");
  const validityDays = optionalCount(form, "validityDays");
  const fieldErrors: Record<string, string[]> = {};
  if (activationLimit === "invalid")
    fieldErrors.activationLimit = ["Type a number of machines, or leave it blank for unlimited."];
  if (validityDays === "invalid")
    fieldErrors.validityDays = [
      "Type a number of days, or leave it blank for keys that never expire.",
    ];
  if (activationLimit === "invalid" || validityDays === "invalid") return { fieldErrors };
  return {
    fieldErrors,
    input: { enabled: form.get("enabled") === "on", activationLimit, validityDays },
  };
}
