/** Cover URLs change with the file, so browsers may cache them forever. */
export function coverUrlOf(productId: string, coverKey: string | null): string | null {
  return coverKey ? `/media/covers/${productId}/${coverKey.split("/").at(-1)}` : null;
}
