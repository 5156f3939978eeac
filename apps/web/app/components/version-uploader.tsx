import { useRevalidator } from "@remix-run/react";
import { useState, type FormEvent } from "react";

type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number }
  | { phase: "done"; message: string }
  | { phase: "error"; message: string };

/**
 * Without JavaScript this is a plain multipart form (the server redirects back with the
 * outcome). With it, the file goes up over XHR so the seller sees a progress bar.
 */
export function VersionUploader({
  productId,
  maxBytesLabel,
}: {
  productId: string;
  maxBytesLabel: string;
}) {
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const revalidator = useRevalidator();
  const action = `/uploads/products/${productId}/versions`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", action);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable)
        setState({ phase: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onload = () => {
      let body: { message?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // a proxy's HTML error page: fall through to the generic message
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        setState({ phase: "done", message: body.message ?? "Uploaded." });
        form.reset();
        void revalidator.revalidate();
      } else {
        setState({ phase: "error", message: body.error ?? `The upload failed (${xhr.status}).` });
      }
    };
    xhr.onerror = () =>
      setState({
        phase: "error",
        message: "The connection was lost during the upload. Try again.",
      });
    setState({ phase: "uploading", percent: 0 });
    xhr.send(new FormData(form));
  }

  return (
    <form
      method="post"
      action={action}
      encType="multipart/form-data"
      onSubmit={submit}
      className="stack"
    >
      <div className="row">
        <div className="field">
          <label htmlFor="label">Version</label>
          <input id="label" name="label" placeholder="1.1.0" required maxLength={40} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="changelog">What changed</label>
        <textarea id="changelog" name="changelog" rows={3} />
      </div>
      {/* The file comes last so the server has the fields before the bytes start. */}
      <div className="field">
        <label htmlFor="file">File</label>
        <input id="file" name="file" type="file" required />
        <p className="hint">Up to {maxBytesLabel}. Owners get it at no cost.</p>
      </div>
      {state.phase === "uploading" ? (
        <div
          className="progress"
          role="progressbar"
          aria-label="Upload progress"
          aria-valuenow={state.percent}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div style={{ width: `${state.percent}%` }} />
          <span>{state.percent}%</span>
        </div>
      ) : null}
      {state.phase === "done" ? (
        <p className="notice success" role="status">
          {state.message}
        </p>
      ) : null}
      {state.phase === "error" ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={state.phase === "uploading"}>
        {state.phase === "uploading" ? "Uploading…" : "Upload version"}
      </button>
    </form>
  );
}
