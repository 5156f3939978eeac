import { formatBytes, formatMoney } from "@digistore/core";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { checkoutPath, discountCodeParam } from "../lib/discount-code-param";
import { priceLabel } from "../lib/price-label";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { attempt, failed, formString } from "../.server/form-result";
import { orNotFound } from "../.server/not-found";
import { forwardRetryAfter } from "../lib/action-headers";

export const headers = forwardRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.page.product.title} — DigiStore` : "Product — DigiStore" },
  { name: "description", content: data?.page.product.summary ?? "" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const page = await orNotFound(context.api.catalog.product({ slug: params.slug ?? "" }));
  const user = context.user;
  return {
    page,
    viewer: user ? { staff: user.roles.staff } : null,
    // A shared link's discount code rides along to checkout, where it is judged and shown.
    code: discountCodeParam(request.url),
  };
}

/** Staff feature or unfeature a product from its page. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const productId = formString(form, "productId");
  const result = await attempt(() =>
    context.api.staff.products.setFeatured({
      productId,
      featured: form.get("featured") === "true",
    }),
  );
  if (!result.ok) return failed(result);
  return redirect(`/products/${params.slug ?? ""}`);
}

function BuySlot() {
  const { page, viewer, code } = useLoaderData<typeof loader>();
  const checkout = checkoutPath(page.product.slug, code);
  const { product } = page;
  if (page.viewerAccess === "seller" && !viewer?.staff) {
    return (
      <div className="actions">
        <Link to={`/seller/products/${product.id}`} className="button">
          Edit your product
        </Link>
        <Form method="post" action="/library/download">
          <input type="hidden" name="productId" value={product.id} />
          <button type="submit" className="secondary">
            Download
          </button>
        </Form>
        <p className="muted small">Your product: this is the page buyers see.</p>
      </div>
    );
  }
  if (page.viewerAccess === "owner") {
    return (
      <Form method="post" action="/library/download">
        <input type="hidden" name="productId" value={product.id} />
        <button type="submit">Download</button>
        <p className="muted small">You own this product: every future version is included.</p>
      </Form>
    );
  }
  if (page.viewerAccess === "revoked") {
    return (
      <p className="form-error">Access revoked: this purchase was refunded or charged back.</p>
    );
  }
  if (page.viewerAccess === "suspended") {
    return <p className="form-error">Downloads are paused while a payment dispute is open.</p>;
  }
  if (page.manageable) {
    return viewer?.staff ? (
      <p className="muted">Staff accounts run the store and cannot buy.</p>
    ) : (
      <Link to={`/seller/products/${product.id}`} className="button secondary">
        Edit your product
      </Link>
    );
  }
  if (!viewer) {
    return (
      <Link
        to={`/login?redirectTo=${encodeURIComponent(`/products/${product.slug}${code ? `?code=${encodeURIComponent(code)}` : ""}`)}`}
        className="button"
      >
        Log in to buy
      </Link>
    );
  }
  return (
    <>
      <Link to={checkout} className="button">
        Buy now
      </Link>
      {code ? (
        <p className="muted small">
          Code <strong>{code}</strong> will be applied at checkout.
        </p>
      ) : null}
    </>
  );
}

export default function ProductPage() {
  const { page, viewer } = useLoaderData<typeof loader>();
  const { product, currentVersion } = page;
  return (
    <article className="product-page">
      <div className="product-main">
        <div className="cover large">
          {page.coverUrl ? (
            <img src={page.coverUrl} alt={`Cover of ${product.title}`} />
          ) : (
            <span aria-hidden="true">{product.title.slice(0, 1)}</span>
          )}
        </div>
        <section className="description" aria-label="Description">
          {product.summary ? <p className="lead">{product.summary}</p> : null}
          {/* Rendered by the catalogue with raw HTML disabled and links sanitised. */}
          <div dangerouslySetInnerHTML={{ __html: page.descriptionHtml }} />
        </section>
        {page.versions.length ? (
          <section aria-labelledby="changelog">
            <h2 id="changelog">Changelog</h2>
            {page.versions.map((v) => (
              <div key={v.id} className="version">
                <h3>
                  {v.label}{" "}
                  <span className="muted small">{new Date(v.createdAt).toDateString()}</span>
                </h3>
                {v.changelog ? (
                  <p style={{ whiteSpace: "pre-wrap" }}>{v.changelog}</p>
                ) : (
                  <p className="muted">No notes.</p>
                )}
              </div>
            ))}
          </section>
        ) : null}
      </div>
      <aside className="panel product-aside">
        <h1>
          {product.title} {page.updated ? <span className="badge updated">Updated</span> : null}
        </h1>
        {product.status !== "published" ? <p className="badge warn">{product.status}</p> : null}
        <p className="muted">
          by <Link to={`/sellers/${page.seller.id}`}>{page.seller.displayName}</Link>
          {page.category ? (
            <>
              {" "}
              in <Link to={`/products?category=${page.category.slug}`}>{page.category.name}</Link>
            </>
          ) : null}
        </p>
        <p className="price large" data-testid="price">
          {priceLabel(product)}
        </p>
        <BuySlot />
        <ul className="facts">
          {currentVersion ? (
            <li>
              Version <strong>{currentVersion.label}</strong> ·{" "}
              {formatBytes(currentVersion.fileSize)}
            </li>
          ) : null}
          <li>Lifetime access to every future version</li>
          <li>
            {product.supportPrice
              ? `Paid support available: ${formatMoney(product.supportPrice)}`
              : "No paid support offered"}
          </li>
        </ul>
        {viewer?.staff ? (
          <Form method="post">
            <input type="hidden" name="productId" value={product.id} />
            <input type="hidden" name="featured" value={String(!product.featured)} />
            <button type="submit" className="secondary">
              {product.featured ? "Remove from featured" : "Feature on the home page"}
            </button>
          </Form>
        ) : null}
      </aside>
    </article>
  );
}
