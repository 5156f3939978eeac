import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ProductGrid } from "../components/product-card";

export const meta: MetaFunction = () => [{ title: "Products — DigiStore" }];

const SORTS = [
  ["newest", "Newest"],
  ["popular", "Popular"],
  ["price_asc", "Price: low to high"],
  ["price_desc", "Price: high to low"],
] as const;
type Sort = (typeof SORTS)[number][0];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const sortParam = params.get("sort");
  const sort: Sort = SORTS.some(([s]) => s === sortParam) ? (sortParam as Sort) : "newest";
  const q = params.get("q")?.slice(0, 100) ?? "";
  const category = params.get("category")?.slice(0, 80) ?? "";
  const cursor = params.get("cursor") ?? undefined;
  const [page, categories] = await Promise.all([
    context.api.catalog
      .list({
        sort,
        ...(q ? { q } : {}),
        ...(category ? { categorySlug: category } : {}),
        ...(cursor ? { cursor } : {}),
      })
      .catch(() => ({ items: [], nextCursor: null })),
    context.api.catalog.categories(),
  ]);
  return { page, categories, filters: { sort, q, category }, paged: Boolean(cursor) };
}

export default function Products() {
  const { page, categories, filters, paged } = useLoaderData<typeof loader>();
  const next = new URLSearchParams({ ...filters, cursor: page.nextCursor ?? "" });
  const title = filters.q
    ? `Results for “${filters.q}”`
    : (categories.find((c) => c.slug === filters.category)?.name ?? "All products");
  return (
    <>
      <h1>{title}</h1>
      <Form method="get" className="filters" role="search">
        <input
          type="search"
          name="q"
          defaultValue={filters.q}
          placeholder="Search products"
          aria-label="Search products"
        />
        <select name="category" defaultValue={filters.category} aria-label="Category">
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c.id} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
        <select name="sort" defaultValue={filters.sort} aria-label="Sort by">
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit">Apply</button>
      </Form>
      <ProductGrid
        products={page.items}
        empty={filters.q ? "Nothing matches your search." : "No products here yet."}
      />
      <nav className="pager" aria-label="Pages">
        {paged ? (
          <Link to={`?${new URLSearchParams(filters).toString()}`}>← First page</Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link to={`?${next.toString()}`} rel="next">
            Next page →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
