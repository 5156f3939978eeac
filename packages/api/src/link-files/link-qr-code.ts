import QRCode from "qrcode";

export type QrFormat = "svg" | "png";

export interface QrCodeFile {
  readonly contentType: string;
  readonly body: Buffer;
}

// Medium error correction survives a smudged print; the 4-module quiet zone is the standard's.
const OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

/** A QR code for a short link: SVG for print and design tools, PNG (1024 px) for anything. */
export async function linkQrCode(shortUrl: string, format: QrFormat): Promise<QrCodeFile> {
  if (format === "svg") {
    const svg = await QRCode.toString(shortUrl, { ...OPTIONS, type: "svg" });
    return { contentType: "image/svg+xml", body: Buffer.from(svg) };
  }
  const png = await QRCode.toBuffer(shortUrl, { ...OPTIONS, type: "png", width: 1024 });
  return { contentType: "image/png", body: png };
}
