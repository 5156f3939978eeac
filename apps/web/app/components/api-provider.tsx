import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { isFinalApiError } from "../lib/api-errors";
import { createBrowserClient, trpc } from "../lib/trpc";

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Pages render from their loaders; queries only keep interactive parts current.
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && !isFinalApiError(error),
      },
      mutations: { retry: false },
    },
  });
}

/**
 * The browser's typed API client and its query cache, one per page load (created in state so a
 * server render never shares one between requests). Nothing fetches during a server render.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createBrowserClient);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
