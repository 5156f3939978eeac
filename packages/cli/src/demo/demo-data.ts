/** The shape of the demo store: who is in it and what they sell (see products-*.ts). */

export type DemoSellerKey = "nova" | "forge";

export interface DemoAccount {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: "staff" | "seller" | "customer";
  /** Which products this seller owns (sellers only). */
  readonly sellerKey?: DemoSellerKey;
}

/** Published on purpose (README): demo logins for a local store, never for a real one. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "staff@demo.digistore.test",
    password: "demo-staff-pass",
    displayName: "Demo Staff",
    role: "staff",
  },
  {
    email: "nova@demo.digistore.test",
    password: "demo-seller-pass",
    displayName: "Nova Studio",
    role: "seller",
    sellerKey: "nova",
  },
  {
    email: "forge@demo.digistore.test",
    password: "demo-seller-pass",
    displayName: "Pixel Forge",
    role: "seller",
    sellerKey: "forge",
  },
  {
    email: "customer@demo.digistore.test",
    password: "demo-customer-pass",
    displayName: "Casey Customer",
    role: "customer",
  },
];

export const DEMO_CATEGORIES = ["Icons", "UI Kits", "Templates", "Plugins", "Guides"] as const;
export type DemoCategory = (typeof DEMO_CATEGORIES)[number];

export interface DemoFile {
  /** Path inside the archive, or the file name of a single-file product. */
  readonly path: string;
  readonly content: string;
}

export interface DemoVersion {
  readonly label: string;
  readonly changelog: string;
  /** When it was released, in hours before the seed runs: recent later versions show "Updated". */
  readonly hoursAgo: number;
  readonly files: readonly DemoFile[];
}

export interface DemoProduct {
  readonly seller: DemoSellerKey;
  readonly category: DemoCategory;
  readonly title: string;
  readonly summary: string;
  /** Markdown. */
  readonly description: string;
  /** Minor units. */
  readonly price: number;
  readonly currency: "USD" | "EUR";
  readonly supportPrice: number | null;
  readonly featured?: boolean;
  /** "zip": the files go in an archive with a README and a licence; "file": one plain file. */
  readonly packaging: "zip" | "file";
  /** Oldest first. */
  readonly versions: readonly DemoVersion[];
}

/** For `hoursAgo`: n days, in hours. */
export const days = (n: number): number => n * 24;
