/** A licence key's standing, as the API reports it. */
type LicenseStatus = "active" | "suspended" | "revoked" | "disabled" | "expired";

const LABELS: Record<LicenseStatus, string> = {
  active: "active",
  suspended: "suspended (dispute)",
  revoked: "revoked",
  disabled: "disabled",
  expired: "expired",
};

export function LicenseStatusBadge({ status }: { status: LicenseStatus }) {
  return <span className={`badge ${status === "active" ? "" : "warn"}`}>{LABELS[status]}</span>;
}
