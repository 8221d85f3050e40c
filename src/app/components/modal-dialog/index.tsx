import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import './style.css';

interface Props {
  /** Id of the heading that names the dialog. */
  labelledBy: string;
  /** Id of the sentence that says what is being asked. */
  describedBy?: string;
  /** The safe answer, taken on Escape (e.g. "Tiếp tục", "Hủy"). */
  onEscape: () => void;
  class?: string;
  children: ComponentChildren;
}

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), textarea, select, [href]';

/**
 * A question that must be answered before anything else: a native modal <dialog>, so the
 * page behind is inert (no Tab, no tap, hidden from screen readers). It takes focus on
 * opening (the element marked autofocus, else the first control), keeps Tab and Shift+Tab
 * inside, answers Escape with `onEscape`, and gives focus back where it was when it goes.
 */
export function ModalDialog({
  labelledBy,
  describedBy,
  onEscape,
  class: className,
  children,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const safeAnswer = useRef(onEscape);
  safeAnswer.current = onEscape;

  // A layout effect: it opens the dialog before the first paint, and its cleanup runs while
  // the dialog is still in the page. Preact runs a passive effect's cleanup only after the
  // next paint, by when the dialog is gone and focus has fallen to the body.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    const first = element.querySelector<HTMLElement>('[autofocus]') ?? focusables(element)[0];
    first?.focus();
    return () => {
      if (element.open) element.close();
      if (before?.isConnected) before.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const element = dialog.current;
    if (!element) return;
    if (e.key === 'Escape') {
      e.preventDefault(); // answered here, so the browser does not close the dialog by itself
      safeAnswer.current();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = focusables(element);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !element.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !element.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      class={`modal-dialog ${className ?? ''}`}
      role="alertdialog"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Other ways to dismiss (a back gesture) take the safe answer too.
        e.preventDefault();
        safeAnswer.current();
      }}
    >
      {children}
    </dialog>
  );
}

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
}
