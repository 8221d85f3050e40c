import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './style.css';

interface Props {
  /** The screen's heading; focus moves to it when the screen appears, so screen readers start there. */
  title: ComponentChildren;
  /** Changes whenever a new screen of the same kind shows (e.g. the question index). */
  screenKey: string;
  /** Beside the heading, e.g. the read-aloud button. */
  aside?: ComponentChildren;
  children?: ComponentChildren;
  actions?: ComponentChildren;
}

/**
 * One citizen screen, exactly the height of the viewport: heading on top, the way forward
 * at the bottom, always in view; only the middle scrolls, and only when it must.
 */
export function Screen({ title, screenKey, aside, children, actions }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [screenKey]);
  return (
    <main class="screen">
      <div class="screen-head">
        <h1 ref={heading} tabIndex={-1} class="screen-title">
          {title}
        </h1>
        {aside}
      </div>
      <div class="screen-body scroll-hint">{children}</div>
      {actions && <div class="screen-actions">{actions}</div>}
    </main>
  );
}
