import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  useLocation,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { ApiProvider } from "./components/api-provider";
import { useNonce } from "./lib/nonce";
import stylesHref from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.ico" },
];

export const meta: MetaFunction = () => [
  { title: "DigiStore" },
  { name: "description", content: "Digital products with lifetime updates and paid support." },
];

export function loader({ context }: LoaderFunctionArgs) {
  const user = context.user;
  return {
    storeName: context.storeName,
    devMail: context.devMailDir !== null,
    user: user && {
      displayName: user.displayName,
      emailVerified: user.emailVerified,
      seller: user.roles.seller,
      staff: user.roles.staff,
    },
  };
}

function AccountNav() {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  if (!user) {
    return (
      <>
        <NavLink to="/login">Log in</NavLink>
        <Link to="/register" className="button small">
          Create account
        </Link>
      </>
    );
  }
  return (
    <>
      {user.staff ? (
        <NavLink to="/staff">Staff</NavLink>
      ) : (
        <NavLink to="/library">My Products</NavLink>
      )}
      {user.seller ? (
        <NavLink to="/seller" end>
          Dashboard
        </NavLink>
      ) : null}
      {user.seller ? <NavLink to="/seller/products">Your products</NavLink> : null}
      {user.seller ? <NavLink to="/seller/support">Support inbox</NavLink> : null}
      {user.staff ? null : <NavLink to="/supports">My Supports</NavLink>}
      {/* Anyone signed in may make short links (verified people; the page says so otherwise). */}
      <NavLink to="/links">Links</NavLink>
      {user.staff || user.seller ? null : <NavLink to="/sell">Start selling</NavLink>}
      <NavLink to="/account">{user.displayName}</NavLink>
      <Form method="post" action="/logout">
        <button type="submit" className="link-button">
          Log out
        </button>
      </Form>
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const menu = useRef<HTMLInputElement>(null);
  const { pathname } = useLocation();
  // A page reached from the open phone menu shows with the menu folded again.
  useEffect(() => {
    if (menu.current) menu.current.checked = false;
  }, [pathname]);
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
            {/* On a phone the menu folds behind a toggle that needs no script: a checkbox. */}
            <input
              type="checkbox"
              id="nav-toggle"
              ref={menu}
              className="nav-toggle"
              aria-label="Menu"
              aria-controls="main-nav"
            />
            <label htmlFor="nav-toggle" className="nav-toggle-label" aria-hidden="true">
              Menu
            </label>
            <nav aria-label="Main" id="main-nav">
              <NavLink to="/products">Products</NavLink>
              <AccountNav />
            </nav>
          </div>
        </header>
        <main className="container site-main">{children}</main>
        <footer className="site-footer">
          <div className="container">
            <p>
              {data?.storeName ?? "DigiStore"} — buy once, get every update. Self-hosted and open
              source.
              {data?.devMail ? (
                <>
                  {" "}
                  · <Link to="/dev/mail">Dev mailbox</Link>
                </>
              ) : null}
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // Inside App, not Layout: the error boundary renders without it and needs no API.
  return (
    <ApiProvider>
      <Outlet />
    </ApiProvider>
  );
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
