import { createContext, useContext } from "react";

/** This response's CSP nonce (server render only; browsers hide it from the DOM anyway). */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
