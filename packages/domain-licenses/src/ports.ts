import type { VerbContext } from "@digistore/db";

/**
 * What the licence verbs need beyond the verb context: where a public API call came from
 * (its address is rate-limited), under the name the api's request context gives it.
 */
export interface LicensesContext extends VerbContext {
  readonly client: { readonly ip?: string | undefined };
}
