import { useEffect, useState } from "react";

/**
 * Copies `text` to the clipboard. Rendered only once scripts run: without them the address is
 * still on the page to select, and a button that does nothing would mislead.
 */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button
      type="button"
      className="secondary small"
      aria-label={`${label} ${text}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          // No clipboard (an insecure origin, a refusal): the address is on the page to select.
        }
      }}
    >
      {copied ? "Copied" : label}
    </button>
  );
}
