/**
 * Every zone this server's Intl knows, UTC first (it is not always in the list). Sent from the
 * loader, so server and browser render the same options whatever the browser's Intl holds.
 */
export const TIME_ZONES: readonly string[] = [
  "UTC",
  ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC"),
];
