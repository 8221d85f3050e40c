import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './style.css';

interface Props {
  /** The screen's heading; focus moves to it when the screen appears, so screen readers start there. */
  title: ComponentChildren;
  /** Changes whenever a new screen of the same kind shows (e.g. the question index). */
  screenKey: string;
  children?: ComponentChildren;
  actions?: ComponentChildren;
}

export function Screen({ title, screenKey, children, actions }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [screenKey]);
  return (
    <main class="screen">
      <h1 ref={heading} tabIndex={-1} class="screen-title">
        {title}
      </h1>
      <div class="screen-body">{children}</div>
      {actions && <div class="screen-actions">{actions}</div>}
    </main>
  );
}
