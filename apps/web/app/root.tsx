import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import stylesHref from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.ico" },
];

export const meta: MetaFunction = () => [
  { title: "DigiStore" },
  { name: "description", content: "Digital products with lifetime updates and paid support." },
];

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <header className="site-header">
          <div className="container header-row">
            <Link to="/" className="brand">
              Digi<span>Store</span>
            </Link>
            <nav aria-label="Main">
              <NavLink to="/" end>
                Home
              </NavLink>
            </nav>
          </div>
        </header>
        <main className="container site-main">{children}</main>
        <footer className="site-footer">
          <div className="container">
            <p>DigiStore — buy once, get every update. Self-hosted and open source.</p>
          </div>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? "Page not found" : "Something went wrong";
  const detail =
    status === 404
      ? "The page you asked for does not exist or has moved."
      : "We could not show this page. Please try again in a moment.";
  return (
    <section className="error-page">
      <p className="error-status">{status}</p>
      <h1>{title}</h1>
      <p>{detail}</p>
      <Link to="/" className="button">
        Back to the store
      </Link>
    </section>
  );
}
