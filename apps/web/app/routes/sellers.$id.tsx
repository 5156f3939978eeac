import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProductGrid } from "../components/product-card";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.seller.displayName} — DigiStore` : "Seller — DigiStore" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  return context.api.catalog
    .seller({ sellerId: params.id ?? "", ...(cursor ? { cursor } : {}) })
    .catch((error: { code?: string }) => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
        throw new Response("Not found", { status: 404 });
      throw error;
    });
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
