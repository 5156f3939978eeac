/**
 * Any path no other route claims: a real 404 response rendered by the root error boundary
 * (and no "No route matches" stack in the server log).
 */
export function loader(): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
