import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "../.server/require-user";

export const meta: MetaFunction = () => [{ title: "My Products — DigiStore" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return { items: await context.api.library.products() };
}

export default function Library() {
  const { items } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <div className="title-row">
        <h1>My Products</h1>
        <Link to="/orders">Order history</Link>
      </div>
      {params.get("error") ? <p className="form-error">{params.get("error")}</p> : null}
      {items.length === 0 ? (
        <p className="muted">
          Nothing here yet. <Link to="/products">Browse the store</Link>
        </p>
      ) : (
        <div className="library">
          {items.map((item) => (
            <article key={item.productId} className="panel library-item" data-testid="library-item">
              <div className="cover small-cover">
                {item.coverUrl ? (
                  <img src={item.coverUrl} alt="" />
                ) : (
                  <span aria-hidden="true">{item.title.slice(0, 1)}</span>
                )}
              </div>
              <div className="library-body">
                <h2>
                  <Link to={`/products/${item.slug}`}>{item.title}</Link>{" "}
                  {item.updated ? <span className="badge updated">Updated</span> : null}
                </h2>
                <p className="muted small">
                  by {item.sellerName} · bought {new Date(item.purchasedAt).toDateString()}
                </p>
                {item.access === "owner" ? (
                  <div className="row">
                    <Form method="post" action="/library/download">
                      <input type="hidden" name="productId" value={item.productId} />
                      <button type="submit">Download latest</button>
                    </Form>
                    <Link to={`/library/${item.productId}`}>All versions</Link>
                    {item.supportPrice ? (
                      <Link to={`/supports/new?product=${item.productId}`}>Request support</Link>
                    ) : null}
                  </div>
                ) : item.access === "suspended" ? (
                  <p className="form-error">
                    Downloads are paused while a payment dispute is open.
                  </p>
                ) : (
                  <p className="form-error">
                    Access revoked (
                    {item.revokeReason === "dispute_lost" ? "chargeback" : "refunded"}).
                  </p>
                )}
              </div>
            </article>
          ))}
        </div>
      )}
    </>
  );
}
