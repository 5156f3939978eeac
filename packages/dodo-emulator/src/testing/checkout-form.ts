/** Posts a form of the hosted page the way a browser does (no redirect following). */
export function submitForm(
  checkoutUrl: string,
  action: "pay" | "decline",
  fields: Record<string, string> = {},
) {
  return fetch(`${checkoutUrl}/${action}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}
