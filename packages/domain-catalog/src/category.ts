import type { CategoriesTable } from "@digistore/db";

export interface Category {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly position: number;
  readonly hidden: boolean;
}

export function toCategory(row: CategoriesTable): Category {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    position: row.position,
    hidden: row.hidden === 1,
  };
}

export const STAFF_MANAGE_CATEGORIES = "Only staff manage categories.";
