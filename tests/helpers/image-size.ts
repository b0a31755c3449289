/**
 * Sizes read from an image file's own header, with no image library: what a test checks a built
 * card or picture against. Each first checks the file's signature, so a file of another format
 * fails here, saying so, rather than yielding a made-up size. Plain errors, not assertions, so
 * Vitest and Playwright tests can both use them.
 */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Width, height and colour type from a PNG's IHDR chunk (colour type 3 is indexed colour, a
 * palette), e.g. `{ width: 1200, height: 630, colourType: 3 }`.
 */
export function pngHeader(png: Uint8Array): { width: number; height: number; colourType: number } {
  if (!PNG_SIGNATURE.every((byte, at) => png[at] === byte)) throw new Error('not a PNG: no PNG signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  // The first chunk: 4-byte length (13), type "IHDR", then width and height, big-endian, bit
  // depth and colour type.
  const type = new TextDecoder().decode(png.subarray(12, 16));
  if (type !== 'IHDR') throw new Error(`not a PNG: the first chunk is ${JSON.stringify(type)}, not IHDR`);
  return { width: view.getUint32(16), height: view.getUint32(20), colourType: view.getUint8(25) };
}

/** Width and height of a PNG, in pixels, e.g. `{ width: 1200, height: 630 }`. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const { width, height } = pngHeader(png);
  return { width, height };
}

/** Width and height of a JPEG, in pixels, from its first start-of-frame marker. */
export function jpegSize(jpeg: Uint8Array): { width: number; height: number } {
  if (!(jpeg[0] === 0xff && jpeg[1] === 0xd8 && jpeg[2] === 0xff)) {
    throw new Error('not a JPEG: no start-of-image marker');
  }
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  for (let at = 2; at < jpeg.length;) {
    const marker = view.getUint16(at);
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xffc0 && marker <= 0xffcf && ![0xffc4, 0xffc8, 0xffcc].includes(marker)) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + view.getUint16(at + 2);
  }
  throw new Error('no start-of-frame marker in the JPEG');
}
