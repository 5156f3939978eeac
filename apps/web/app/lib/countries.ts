let cached: { code: string; name: string }[] | undefined;

/** ISO 3166 countries by name, from the runtime's own region names (no list to maintain). */
export function countries(): { code: string; name: string }[] {
  if (cached) return cached;
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const list: { code: string; name: string }[] = [];
  for (const a of letters) {
    for (const b of letters) {
      const code = `${a}${b}`;
      const name = names.of(code);
      // Unknown codes come back unchanged; EU/UN/XK-style groupings are not billing countries.
      if (
        name &&
        name !== code &&
        !["EU", "EZ", "UN", "QO", "ZZ"].includes(code) &&
        !code.startsWith("X")
      ) {
        list.push({ code, name });
      }
    }
  }
  cached = list.sort((x, y) => x.name.localeCompare(y.name));
  return cached;
}
