import type { Money } from "@digistore/core";
import { Link } from "@remix-run/react";
import { priceLabel } from "../lib/price-label";

export interface ProductCardData {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly price: Money;
  readonly payWhatYouWant?: boolean;
  readonly sellerName: string;
  readonly coverUrl: string | null;
  readonly updated: boolean;
}

function ProductCard({ product }: { product: ProductCardData }) {
  return (
    <article className="product-card">
      <Link to={`/products/${product.slug}`} className="product-card-link">
        <div className="cover">
          {product.coverUrl ? (
            <img src={product.coverUrl} alt="" loading="lazy" />
          ) : (
            <span aria-hidden="true">{product.title.slice(0, 1)}</span>
          )}
          {product.updated ? <span className="badge updated">Updated</span> : null}
        </div>
        <h3>{product.title}</h3>
      </Link>
      <p className="muted small">by {product.sellerName}</p>
      {product.summary ? <p className="summary">{product.summary}</p> : null}
      <p className="price">{priceLabel(product)}</p>
    </article>
  );
}

export function ProductGrid({
  products,
  empty,
}: {
  products: readonly ProductCardData[];
  empty?: string;
}) {
  if (products.length === 0) return <p className="muted">{empty ?? "No products yet."}</p>;
  return (
    <div className="product-grid">
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </div>
  );
}
