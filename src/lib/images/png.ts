/** Pixel size of a PNG, from its header (IHDR: width and height as big-endian integers at bytes 16 and 20). */
export interface ImageSize {
  width: number;
  height: number;
}

export function pngSize(png: Uint8Array): ImageSize {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24 || view.getUint32(12) !== 0x49484452) throw new Error('pngSize: not a PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
