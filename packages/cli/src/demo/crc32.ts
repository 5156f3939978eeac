/** CRC-32 (IEEE 802.3, as PNG chunks and ZIP entries use it), table-driven. */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The checksum of `data`; pass a previous result as `crc` to continue over several buffers. */
export function crc32(data: Uint8Array | string, crc = 0): number {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  let c = ~crc >>> 0;
  for (const byte of bytes) c = TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
