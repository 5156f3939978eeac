import type { SupportMessagesTable } from "@digistore/db";
import type { SupportRole } from "./support-request";

export interface SupportMessage {
  readonly id: string;
  readonly requestId: string;
  readonly authorId: string;
  readonly authorRole: SupportRole;
  readonly authorName: string;
  readonly body: string;
  readonly createdAt: string;
}

export function toSupportMessage(
  row: SupportMessagesTable & { author_name: string },
): SupportMessage {
  return {
    id: row.id,
    requestId: row.request_id,
    authorId: row.author_id,
    authorRole: row.author_role,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
  };
}
