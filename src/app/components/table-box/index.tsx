import type { ComponentChildren } from 'preact';
import './style.css';

/**
 * A wide table scrolls inside its own box, never the page (an officer reads it on a phone on
 * site); the box takes focus so a keyboard can scroll it too.
 */
export function TableBox({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section class="table-box" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
