import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProductGrid } from "../components/product-card";
import { orNotFound } from "../.server/not-found";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.seller.displayName} — DigiStore` : "Seller — DigiStore" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  return orNotFound(
    context.api.catalog.seller({ sellerId: params.id ?? "", ...(cursor ? { cursor } : {}) }),
  );
}

export default function SellerProfile() {
  const { seller, products } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{seller.displayName}</h1>
        <p className="muted">Selling on DigiStore since {new Date(seller.since).toDateString()}</p>
      </section>
      <ProductGrid products={products.items} empty="This seller has nothing on sale right now." />
      {products.nextCursor ? (
        <p>
          <Link to={`?cursor=${encodeURIComponent(products.nextCursor)}`}>More products →</Link>
        </p>
      ) : null}
    </>
  );
}
