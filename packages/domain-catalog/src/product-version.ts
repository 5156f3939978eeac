import type { ProductVersionsTable } from "@digistore/db";

export interface ProductVersion {
  readonly id: string;
  readonly productId: string;
  readonly label: string;
  readonly changelog: string;
  readonly fileName: string;
  readonly fileSize: number;
  readonly contentType: string;
  readonly sha256: string;
  readonly createdAt: string;
}

export function toProductVersion(row: ProductVersionsTable): ProductVersion {
  return {
    id: row.id,
    productId: row.product_id,
    label: row.label,
    changelog: row.changelog,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    contentType: row.content_type,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}
