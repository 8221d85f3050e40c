import './style.css';

export interface BarSeries {
  key: string;
  /** Names the series in the legend and the description, e.g. the period it covers. */
  label: string;
  /** One value a category (null: nothing to show, e.g. no sheet). */
  values: readonly (number | null)[];
  /** The same values as the page prints them ("8,50"), or "—". */
  displays: readonly string[];
}

interface Props {
  id: string;
  caption: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  max: number;
  ticks: readonly { value: number; label: string }[];
}

const ROW = 16; // one bar, px
const LABEL = 20; // a category's name above its bars
const GAP = 10;
/** Bars take the left 78 % of the width; values are printed at the right edge. */
const SPAN = 78;

/**
 * Horizontal bars grouped by category (a commune), one bar a series (a period): the text keeps
 * its size on any screen because only x is in percent. The figures are also in the chart's
 * description, and the screen shows them in a table beside it.
 */
export function BarChart({ id, caption, categories, series, max, ticks }: Props) {
  const block = LABEL + series.length * ROW + GAP;
  const height = 22 + categories.length * block;
  const x = (value: number) => `${(Math.max(0, Math.min(value, max)) / max) * SPAN}%`;
  const description = categories
    .map(
      (name, c) =>
        `${name}: ${series.map((s) => `${s.label} ${s.displays[c] ?? '—'}`).join('; ')}.`,
    )
    .join(' ');
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <ul class="chart-legend">
        {series.map((s, i) => (
          <li key={s.key}>
            <span class={`chart-swatch series-${i}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        class="bar-chart"
        width="100%"
        height={height}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{caption}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t.value} class="chart-tick">
            <line x1={x(t.value)} x2={x(t.value)} y1={16} y2={height} />
            <text x={x(t.value)} y={12} text-anchor={t.value === 0 ? 'start' : 'middle'}>
              {t.label}
            </text>
          </g>
        ))}
        {categories.map((name, c) => {
          const top = 22 + c * block;
          return (
            <g key={name}>
              <text class="chart-category" x="0" y={top + 14}>
                {name}
              </text>
              {series.map((s, i) => {
                const value = s.values[c] ?? null;
                const y = top + LABEL + i * ROW;
                return (
                  <g key={s.key}>
                    {value !== null && (
                      <rect class={`series-${i}`} x="0" y={y} width={x(value)} height={ROW - 3} />
                    )}
                    <text class="chart-value" x="100%" y={y + ROW - 5} text-anchor="end">
                      {s.displays[c] ?? '—'}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
