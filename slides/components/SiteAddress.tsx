import { useEffect, useMemo, useState } from 'react';
import type { QrPicture } from './qr.ts';
import './story.css';

/**
 * Where the site lives, as a link and a QR code, for the closing slide. remarkRead fills in
 * `url` and the QR code at build time from the deck setting `site:` (or the build's SITE_URL), so
 * nothing is fetched at the venue. A build with neither shows the address the page was loaded
 * from, its QR code drawn in the page by the same library.
 */
export function SiteAddress(props: { url?: string; qrSize?: string; qrPath?: string }) {
  const url = props.url ?? pageAddress();
  const { qrSize, qrPath } = props;
  const built = useMemo<QrPicture | undefined>(
    () => (props.url && qrSize && qrPath ? { size: Number(qrSize), path: qrPath } : undefined),
    [props.url, qrSize, qrPath],
  );
  const [drawn, setDrawn] = useState<QrPicture | undefined>(undefined);
  useEffect(() => {
    if (built || !url) return;
    let live = true;
    void import('./qr.ts').then(({ qrPicture }) => live && setDrawn(qrPicture(url)));
    return () => {
      live = false;
    };
  }, [built, url]);
  const qr = built ?? drawn;
  return (
    <div className="site-address" data-site-url={url}>
      {qr && (
        <svg
          viewBox={`0 0 ${qr.size} ${qr.size}`}
          role="img"
          aria-label={`QR code for ${url}`}
          shapeRendering="crispEdges"
        >
          <path d={qr.path} fill="#000" />
        </svg>
      )}
      <a href={url}>{url.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>
    </div>
  );
}

/** The site's own address: the page without its route. */
function pageAddress(): string {
  if (typeof location === 'undefined') return '';
  return `${location.origin}${location.pathname}`;
}
