import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

export const meta: MetaFunction = () => [
  { title: "DigiStore — digital products, updated for life" },
];

export async function loader({ context }: LoaderFunctionArgs) {
  const health = await context.api.health.ping();
  return { serverTime: health.time };
}

export default function Home() {
  const { serverTime } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>Buy once. Get every update.</h1>
        <p className="lead">
          Software, templates and assets from independent makers — with lifetime access to every new
          version and paid support from the people who built them.
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
      <p className="status-line" data-testid="api-status">
        Store online · server time <time dateTime={serverTime}>{serverTime}</time>
      </p>
    </>
  );
}
