/** Remix turns a thrown Response into the error boundary's 404 page. */
export function notFound(): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw new Response("Not found", { status: 404 });
}

/**
 * Loads something by an id or slug from the URL: unknown, malformed or not-yours ones are all
 * the same 404 page, so ids cannot be probed.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST" || code === "FORBIDDEN") notFound();
    throw error;
  }
}
