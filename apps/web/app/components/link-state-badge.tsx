/** A link's state as its owner sees it: active, disabled (by them or by staff) or expired. */
export function LinkStateBadge({ state }: { state: "active" | "disabled" | "expired" }) {
  return (
    <span className={`badge${state === "active" ? "" : " warn"}`} data-testid="link-state">
      {state}
    </span>
  );
}
