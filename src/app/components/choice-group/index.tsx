import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import './style.css';

export interface Choice {
  id: string;
  label: string;
  /** A decorative picture cue; the label carries the meaning. */
  pictureUrl?: string;
}

interface Props {
  /** The group's name for assistive technology, shown as its legend. */
  legend: ComponentChildren;
  legendId: string;
  name: string;
  choices: readonly Choice[];
  value: string | undefined;
  onChange: (id: string) => void;
}

/**
 * A real radio group: native radios inside big labelled cards, arrow keys move between them.
 * On a short screen the answers stay whole and the question's text scrolls in its own box.
 */
export function ChoiceGroup({ legend, legendId, name, choices, value, onChange }: Props) {
  const legendBox = useRef<HTMLDivElement>(null);
  const overflowing = useOverflowing(legendBox);
  return (
    // A div, not a fieldset: the group must expose the radiogroup role with the question as its name.
    <div class="choice-group" role="radiogroup" aria-labelledby={legendId}>
      {/* Reachable by keyboard only when it scrolls, so its text can be scrolled without a finger. */}
      <div
        ref={legendBox}
        class="choice-legend-box scroll-hint"
        tabIndex={overflowing ? 0 : undefined}
      >
        <p id={legendId} class="choice-legend">
          {legend}
        </p>
      </div>
      <div class="choice-options">
        {choices.map((choice) => (
          <label key={choice.id} class={`choice ${value === choice.id ? 'is-chosen' : ''}`}>
            <input
              type="radio"
              name={name}
              value={choice.id}
              checked={value === choice.id}
              onChange={() => onChange(choice.id)}
            />
            {choice.pictureUrl && <img src={choice.pictureUrl} alt="" width={56} height={56} />}
            <span class="choice-label">{choice.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}

/** Whether the element's content is taller than the element, kept up to date as sizes change. */
function useOverflowing(ref: { current: HTMLElement | null }): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setOverflowing(element.scrollHeight > element.clientHeight + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return overflowing;
}
