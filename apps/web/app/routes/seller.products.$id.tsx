import { formatBytes } from "@digistore/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { attempt, failed, formFailure, formString } from "../.server/form-result";
import { readProductForm } from "../.server/product-form";
import { orNotFound } from "../.server/not-found";
import { requireSeller } from "../.server/require-seller";
import { FormError, Notice } from "../components/form";
import { IntentToggle } from "../components/intent-toggle";
import { ProductFields } from "../components/product-fields";
import { VersionUploader } from "../components/version-uploader";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.product.title ?? "Product"} — your products` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireSeller(context, request);
  const [{ product, versions }, categories] = await Promise.all([
    orNotFound(context.api.seller.products.get({ productId: params.id ?? "" })),
    context.api.catalog.categories(),
  ]);
  return { product, versions, categories, maxUpload: formatBytes(context.maxUploadBytes) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireSeller(context, request);
  const productId = params.id ?? "";
  const form = await request.formData();
  const intent = formString(form, "intent");
  if (intent === "publish" || intent === "archive") {
    const result = await attempt(() =>
      context.api.seller.products.setStatus({
        productId,
        status: intent === "publish" ? "published" : "archived",
      }),
    );
    return result.ok
      ? {
          ok: true as const,
          message:
            intent === "publish"
              ? "Published: it is on sale now."
              : "Archived: hidden from the store.",
        }
      : failed(result);
  }
  const { input, fieldErrors } = readProductForm(form);
  if (Object.keys(fieldErrors).length)
    return failed({ ...formFailure("Check the highlighted fields."), fieldErrors });
  const result = await attempt(() => context.api.seller.products.update({ productId, ...input }));
  return result.ok ? { ok: true as const, message: "Saved." } : failed(result);
}

export default function EditProduct() {
  const { product, versions, categories, maxUpload } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const uploaded = params.get("uploaded");
  const uploadError = params.get("uploadError");
  return (
    <div className="seller-edit">
      <p>
        <Link to="/seller/products">← Your products</Link>
      </p>
      <div className="title-row">
        <h1>
          {product.title}{" "}
          <span className={`badge ${product.status === "published" ? "" : "warn"}`}>
            {product.status}
          </span>
        </h1>
        <span className="row">
          <Link to={`/seller/products/${product.id}/licenses`}>Licence keys</Link>
          <Link to={`/products/${product.slug}`}>View in store</Link>
        </span>
      </div>
      {params.get("created") ? (
        <Notice tone="success">Draft created. Upload a first version, then publish.</Notice>
      ) : null}
      {result?.ok ? <Notice tone="success">{result.message}</Notice> : null}
      {result && !result.ok ? <FormError message={result.formError} /> : null}

      <section className="panel">
        <h2>Status</h2>
        <IntentToggle
          offNow={product.status !== "published"}
          turnOn={{ intent: "publish", label: "Publish" }}
          turnOff={{ intent: "archive", label: "Archive" }}
          note={
            product.status === "draft"
              ? "Drafts are only visible to you."
              : product.status === "archived"
                ? "Archived products are hidden from the store; buyers keep their downloads."
                : "On sale now."
          }
        />
      </section>

      <section className="panel">
        <h2>Versions</h2>
        {uploaded ? <Notice tone="success">{uploaded}</Notice> : null}
        {uploadError ? <p className="form-error">{uploadError}</p> : null}
        {versions.length ? (
          <table className="table" data-testid="versions">
            <thead>
              <tr>
                <th>Version</th>
                <th>File</th>
                <th>Size</th>
                <th>Uploaded</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <td>
                    {v.label}{" "}
                    {v.id === product.currentVersionId ? (
                      <span className="badge">current</span>
                    ) : null}
                  </td>
                  <td>
                    {v.fileName}
                    <br />
                    <code className="small muted">sha256 {v.sha256.slice(0, 16)}…</code>
                  </td>
                  <td>{formatBytes(v.fileSize)}</td>
                  <td>{new Date(v.createdAt).toUTCString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No versions yet.</p>
        )}
        <h3>Upload a new version</h3>
        <VersionUploader productId={product.id} maxBytesLabel={maxUpload} />
      </section>

      <section className="panel">
        <h2>Cover image</h2>
        {product.coverUrl ? (
          <img src={product.coverUrl} alt="Current cover" className="cover-preview" />
        ) : (
          <p className="muted">No cover yet.</p>
        )}
        <form
          method="post"
          action={`/uploads/products/${product.id}/cover`}
          encType="multipart/form-data"
          className="row"
        >
          <input
            name="cover"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            required
            aria-label="Cover image"
          />
          <button type="submit" className="secondary">
            Upload cover
          </button>
        </form>
      </section>

      <section className="panel">
        <h2>Details</h2>
        <Form method="post" noValidate>
          <ProductFields
            defaults={product}
            categories={categories}
            errors={result && !result.ok ? result.fieldErrors : {}}
          />
          <button type="submit" name="intent" value="save">
            Save details
          </button>
        </Form>
      </section>
    </div>
  );
}
