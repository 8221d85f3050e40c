/**
 * A QR code as an image with a spoken name. The SVG always comes from the qrcode library
 * for text this app wrote itself (frames, receipts, links, answers), never from input.
 */
export function QrImage({
  svg,
  label,
  class: className,
}: {
  svg: string;
  label: string;
  class: string;
}) {
  return (
    <div
      class={className}
      role="img"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
