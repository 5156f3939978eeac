import { formatBytes } from "@digistore/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { attempt, failed, formString } from "../.server/form-result";
import { orNotFound } from "../.server/not-found";
import { requireUser } from "../.server/require-user";
import { FormError, Notice } from "../components/form";
import { LicensePanel } from "../components/license-panel";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Files"} — My Products` },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  const productId = params.productId ?? "";
  const [files, license] = await Promise.all([
    orNotFound(context.api.library.versions({ productId })),
    context.api.licenses.mine({ productId }),
  ]);
  return { ...files, license };
}

/** Frees one machine of the owner's key. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const form = await request.formData();
  const result = await attempt(() =>
    context.api.licenses.release({
      productId: params.productId ?? "",
      activationId: formString(form, "activationId"),
    }),
  );
  return result.ok ? { ok: true as const, message: "That machine was released." } : failed(result);
}

export default function ProductFiles() {
  const { productId, title, currentVersionId, versions, license } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/library">← My Products</Link>
      </p>
      <h1>{title}</h1>
      {result?.ok ? <Notice tone="success">{result.message}</Notice> : null}
      {result && !result.ok ? <FormError message={result.formError} /> : null}
      {license ? <LicensePanel license={license} /> : null}
      <section className="panel">
        <h2>Every version</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Version</th>
              <th>Notes</th>
              <th>File</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>
                  {v.label}{" "}
                  {v.id === currentVersionId ? <span className="badge">latest</span> : null}
                  <br />
                  <span className="muted small">{new Date(v.createdAt).toDateString()}</span>
                </td>
                <td style={{ whiteSpace: "pre-wrap" }}>{v.changelog || "—"}</td>
                <td>
                  {v.fileName}
                  <br />
                  <span className="muted small">{formatBytes(v.fileSize)}</span>
                  <br />
                  {/* Whole, so a buyer can compare it with `sha256sum` of what they saved. */}
                  <span className="muted small checksum" data-testid="sha256">
                    SHA-256 <code>{v.sha256}</code>
                  </span>
                  {/* In the file's own cell, so three columns fit a phone without scrolling. */}
                  <Form method="post" action="/library/download" className="version-download">
                    <input type="hidden" name="productId" value={productId} />
                    <input type="hidden" name="versionId" value={v.id} />
                    <button type="submit" className="secondary small">
                      Download
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
