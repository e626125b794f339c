import "server-only";
import QRCode from "qrcode";

/**
 * A QR code drawn on the server as an SVG path (no script, no image request), for an absolute
 * address. The address is also printed next to it by the caller, for those who cannot scan.
 */
export function QrCode({ url, label, className = "" }: { url: string; label: string; className?: string }) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const margin = 2;
  let path = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (modules.get(x, y)) path += `M${x + margin} ${y + margin}h1v1h-1z`;
    }
  }
  const box = size + margin * 2;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${box} ${box}`} shapeRendering="crispEdges" className={`block bg-white ${className}`}>
      <rect width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
