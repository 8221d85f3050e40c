import { useEffect, useRef } from 'preact/hooks';
import './style.css';

/** Shown only once the sheet is stored; the kiosk returns to start by itself. */
export function ThanksScreen({ seconds }: { seconds: number }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main class="thanks">
      <div role="status">
        <h1 ref={heading} tabIndex={-1}>
          Xin trân trọng cảm ơn Ông/Bà!
        </h1>
        <p>Ý kiến của Ông/Bà đã được ghi nhận.</p>
      </div>
      <p class="thanks-return">Màn hình sẽ trở về trang đầu sau {seconds} giây.</p>
    </main>
  );
}
