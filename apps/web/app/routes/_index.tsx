import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProductGrid } from "../components/product-card";

export const meta: MetaFunction = () => [
  { title: "DigiStore — digital products, updated for life" },
];

export async function loader({ context }: LoaderFunctionArgs) {
  const [home, categories] = await Promise.all([
    context.api.catalog.home(),
    context.api.catalog.categories(),
  ]);
  return { ...home, categories };
}

export default function Home() {
  const { featured, newest, categories } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>Buy once. Get every update.</h1>
        <p className="lead">
          Software, templates and assets from independent makers — with lifetime access to every new
          version and paid support from the people who built them.
        </p>
        <form method="get" action="/products" className="search-row" role="search">
          <input
            type="search"
            name="q"
            placeholder="Search products"
            aria-label="Search products"
          />
          <button type="submit">Search</button>
        </form>
        {categories.length ? (
          <p className="chips">
            {categories.map((c) => (
              <Link key={c.id} to={`/products?category=${c.slug}`} className="chip">
                {c.name}
              </Link>
            ))}
          </p>
        ) : null}
      </section>
      {featured.length ? (
        <section aria-labelledby="featured">
          <h2 id="featured">Featured</h2>
          <ProductGrid products={featured} />
        </section>
      ) : null}
      <section aria-labelledby="newest">
        <h2 id="newest">New in the store</h2>
        <ProductGrid products={newest} empty="No products on sale yet." />
        <p>
          <Link to="/products">Browse all products →</Link>
        </p>
      </section>
      <section className="pillars" aria-label="Why DigiStore">
        <article>
          <h2>Lifetime access</h2>
          <p>A purchase is yours for good: every later version downloads at no extra cost.</p>
        </article>
        <article>
          <h2>Support that answers</h2>
          <p>Need help with setup or an issue? Buy support from the product's maker.</p>
        </article>
        <article>
          <h2>Owned by the maker</h2>
          <p>A self-hosted store: no platform cut, no lock-in, the maker's own customers.</p>
        </article>
      </section>
    </>
  );
}
