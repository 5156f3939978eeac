import { createAppServices, type AppRuntime } from "@digistore/api";
import type { ServerConfig } from "@digistore/config";
import type { Logger } from "./logger";
import type { PageExtras } from "./pages";

export interface BootedServices {
  readonly runtime: AppRuntime;
  readonly extras: PageExtras;
}

/** The store's services for this web process (the one composition root), plus what pages show. */
export async function bootServices(config: ServerConfig, logger: Logger): Promise<BootedServices> {
  const runtime = await createAppServices(config, { logger });
  return {
    runtime,
    extras: {
      devMailDir: runtime.devMailDir,
      storeName: config.STORE_NAME,
      maxUploadBytes: runtime.services.catalogLimits.maxUploadBytes,
      publicUrl: config.PUBLIC_URL,
    },
  };
}
