// Types for the example, so the package's own tests can run it as a seller's app would.
export function verifyLicenseToken(
  token: string,
  publicKeyPem: string,
  productId: string,
  now?: number,
): {
  v: 1;
  product: string;
  key: string;
  customer: string;
  activation: string | null;
  iat: number;
  exp: number;
  licenseExpiresAt: string | null;
} | null;
