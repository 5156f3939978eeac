import type { MaintenanceState } from "@digistore/api";
import { escapeHtml } from "@digistore/core";
import { messagePage } from "./message-page";

/** While the store is down, nothing that might touch the API or the database is needed to say so. */
export function maintenancePage(state: MaintenanceState, storeName: string): string {
  const back = state.expectedBackAt
    ? `<p class="muted">Expected back: <time datetime="${escapeHtml(state.expectedBackAt)}">${escapeHtml(new Date(state.expectedBackAt).toUTCString())}</time></p>`
    : "";
  return messagePage(storeName, {
    title: "We'll be right back",
    message: state.message,
    extraHtml: back,
    link: { href: "/login", label: "Staff log in" },
  });
}
