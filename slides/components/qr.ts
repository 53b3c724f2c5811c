import QRCode from 'qrcode';

/** A QR code as one SVG path of unit squares, `size` modules across (no quiet zone). */
export interface QrPicture {
  size: number;
  path: string;
}

/** Draws `text` as a QR code (error correction M): at build time in remarkRead, or in the page. */
export function qrPicture(text: string): QrPicture {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Runs of dark modules in a row become one rectangle: a path a third as long.
      if (!data[y * size + x]) continue;
      let w = 1;
      while (x + w < size && data[y * size + x + w]) w++;
      path += `M${x} ${y}h${w}v1h-${w}z`;
      x += w - 1;
    }
  }
  return { size, path };
}
