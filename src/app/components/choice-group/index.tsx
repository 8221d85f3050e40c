import type { ComponentChildren } from 'preact';
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

/** A real radio group: native radios inside big labelled cards, arrow keys move between them. */
export function ChoiceGroup({ legend, legendId, name, choices, value, onChange }: Props) {
  return (
    // A div, not a fieldset: the group must expose the radiogroup role with the question as its name.
    <div class="choice-group" role="radiogroup" aria-labelledby={legendId}>
      <p id={legendId} class="choice-legend">
        {legend}
      </p>
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
