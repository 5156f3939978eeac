/** What `fn` throws (fails the test when it returns), for `toMatchObject` on error fields. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to throw");
}
