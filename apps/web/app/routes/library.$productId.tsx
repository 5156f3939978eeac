import { formatBytes } from "@digistore/core";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { orNotFound } from "../.server/not-found";
import { requireUser } from "../.server/require-user";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Files"} — My Products` },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return orNotFound(context.api.library.versions({ productId: params.productId ?? "" }));
}

export default function ProductFiles() {
  const { productId, title, currentVersionId, versions } = useLoaderData<typeof loader>();
  return (
    <section className="panel">
      <p>
        <Link to="/library">← My Products</Link>
      </p>
      <h1>{title}: every version</h1>
      <table className="table">
        <thead>
          <tr>
            <th>Version</th>
            <th>Notes</th>
            <th>File</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id}>
              <td>
                {v.label} {v.id === currentVersionId ? <span className="badge">latest</span> : null}
                <br />
                <span className="muted small">{new Date(v.createdAt).toDateString()}</span>
              </td>
              <td style={{ whiteSpace: "pre-wrap" }}>{v.changelog || "—"}</td>
              <td>
                {v.fileName}
                <br />
                <span className="muted small">{formatBytes(v.fileSize)}</span>
              </td>
              <td>
                <Form method="post" action="/library/download">
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
  );
}
