import { slugify } from "@digistore/domain-catalog";
import { extname } from "node:path";
import type { DemoProduct, DemoVersion } from "./demo-data";
import { createZip } from "./zip";

export interface VersionFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

const CONTENT_TYPES: Record<string, string> = {
  ".md": "text/markdown",
  ".json": "application/json",
  ".css": "text/css",
  ".txt": "text/plain",
};

function readme(product: DemoProduct, version: DemoVersion): string {
  return `# ${product.title} ${version.label}

${product.summary}

${product.description}

## What's new in ${version.label}

${version.changelog}
`;
}

function licence(product: DemoProduct, seller: string): string {
  return `${product.title} — single-purchase licence

Copyright (c) ${seller}. Demo content made by \`digistore seed --demo\`.

The buyer may use these files in any number of personal and commercial projects, and modify
them. The files may not be resold or redistributed on their own, as they are or modified.
`;
}

/**
 * The file a buyer downloads for one version: a ZIP (one folder holding a README, the licence
 * and the product's files) or, for single-file products, that file as it is.
 */
export function packageVersion(
  product: DemoProduct,
  version: DemoVersion,
  sellerName: string,
  releasedAt: Date,
): VersionFile {
  if (product.packaging === "file") {
    const [file] = version.files;
    if (!file || version.files.length !== 1)
      throw new Error(`${product.title} ${version.label}: a single-file version needs one file`);
    return {
      fileName: file.path,
      contentType: CONTENT_TYPES[extname(file.path)] ?? "application/octet-stream",
      bytes: Buffer.from(file.content),
    };
  }
  const folder = `${slugify(product.title)}-${version.label}`;
  const entries = [
    { path: "README.md", content: readme(product, version) },
    { path: "LICENSE.txt", content: licence(product, sellerName) },
    ...version.files,
  ].map((file) => ({ path: `${folder}/${file.path}`, content: file.content }));
  return {
    fileName: `${folder}.zip`,
    contentType: "application/zip",
    bytes: createZip(entries, releasedAt),
  };
}
