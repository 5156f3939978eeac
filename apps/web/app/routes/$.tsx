import { notFound } from "../.server/not-found";
/**
 * Any path no other route claims: a real 404 response rendered by the root error boundary
 * (and no "No route matches" stack in the server log).
 */
export function loader(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
