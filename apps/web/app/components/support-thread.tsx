import { Form } from "@remix-run/react";
import { liveUpdateProblem } from "../lib/api-errors";
import { useLiveThread, type LiveThread } from "../lib/use-live-thread";
import { FormError, Notice } from "./form";

interface ThreadProps {
  /** What the loader rendered; the component keeps it current itself. */
  readonly thread: LiveThread;
  readonly result?: { ok: boolean; message?: string; formError?: string } | undefined;
}

export const STATUS_LABELS: Record<string, string> = {
  awaiting_payment: "Awaiting payment",
  open: "Open",
  answered: "Answered",
  resolved: "Resolved",
  closed: "Closed",
  cancelled: "Cancelled (refunded)",
  expired: "Expired (unpaid)",
};

/** One support thread with the actions the viewer may take — the same rules the API enforces. */
export function SupportThread({ thread: rendered, result }: ThreadProps) {
  const { thread, error } = useLiveThread(rendered);
  const { request, actions, messages } = thread;
  return (
    <section className="panel" data-testid="support-thread" data-status={request.status}>
      <h1>{request.subject}</h1>
      <p className="muted">
        {request.productTitle} · {request.customerName} ↔ {request.sellerName} ·{" "}
        <span className="badge">{STATUS_LABELS[request.status] ?? request.status}</span>
      </p>
      {result?.ok && result.message ? (
        <Notice tone="success">{result.message}</Notice>
      ) : (
        <FormError message={result?.formError} />
      )}
      {error ? (
        <p className="muted small" role="status">
          {liveUpdateProblem(error)}
        </p>
      ) : null}
      {/* New replies arrive while the page is open; screen readers hear them too. */}
      <ol className="thread" aria-live="polite">
        {messages.map((m) => (
          <li key={m.id} className={`message ${m.authorRole}`}>
            <p className="muted small">
              <strong>{m.authorName}</strong> ({m.authorRole}) ·{" "}
              {new Date(m.createdAt).toUTCString()}
            </p>
            <p style={{ whiteSpace: "pre-wrap" }}>{m.body}</p>
          </li>
        ))}
      </ol>
      {actions.reply ? (
        <Form method="post" className="stack">
          <div className="field">
            <label htmlFor="body">Your reply</label>
            <textarea id="body" name="body" rows={5} maxLength={10000} required />
          </div>
          <button type="submit" name="intent" value="reply">
            Send reply
          </button>
        </Form>
      ) : null}
      <Form method="post" className="row" style={{ marginTop: "1rem" }}>
        {actions.resolve ? (
          <button type="submit" name="intent" value="resolve" className="secondary">
            Mark resolved
          </button>
        ) : null}
        {actions.close ? (
          <button type="submit" name="intent" value="close" className="secondary">
            Close request
          </button>
        ) : null}
      </Form>
    </section>
  );
}
