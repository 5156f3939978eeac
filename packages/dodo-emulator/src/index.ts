export { createDodoEmulator, DEFAULT_RETRY_SCHEDULE_MS, DODO_RETRY_SCHEDULE_MS } from "./emulator";
export type { DodoEmulator, DodoEmulatorOptions } from "./emulator";
export type { DodoEmulatorControl } from "./control";
export type { DisputeOutcome } from "./disputes";
export type { DisputeRecord } from "./state";
export { DodoApiError } from "./errors";
export type {
  WebhookAttempt,
  WebhookEventRecord,
  WebhookEventStatus,
  WebhookPayload,
  WebhookRunKind,
} from "./webhooks/dispatcher";
export type { NodeRequestListener } from "./http/handler";
