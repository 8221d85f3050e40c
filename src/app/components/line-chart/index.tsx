import '../bar-chart/style.css';
import './style.css';

export interface LineSeries {
  key: string;
  label: string;
  /** One value a point of the x axis (null: no sheet that month, the line breaks). */
  values: readonly (number | null)[];
  displays: readonly string[];
}

interface Props {
  id: string;
  caption: string;
  /** The x axis: short labels ("T11") and the full ones the description reads ("tháng 11/2026"). */
  points: readonly { short: string; long: string }[];
  series: readonly LineSeries[];
  max: number;
  ticks: readonly { value: number; label: string }[];
}

const HEIGHT = 220;
const TOP = 12;
const BOTTOM = 28;
/** The plot spans 14 %–96 % of the width, tick labels sit left of it. */
const LEFT = 14;
const RIGHT = 96;

/**
 * A line a series over the months of a period, drawn with x in percent so the text keeps its
 * size on a phone. Series differ in colour, dash and marker; a month without sheets breaks the
 * line. The figures are also in the description (and the screen's table).
 */
export function LineChart({ id, caption, points, series, max, ticks }: Props) {
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + plot - (Math.max(0, Math.min(value, max)) / max) * plot;
  const x = (i: number) =>
    `${points.length <= 1 ? (LEFT + RIGHT) / 2 : LEFT + ((RIGHT - LEFT) * i) / (points.length - 1)}%`;
  const every = Math.ceil(points.length / 12);
  const description = points
    .map(
      (p, i) => `${p.long}: ${series.map((s) => `${s.label} ${s.displays[i] ?? '—'}`).join('; ')}.`,
    )
    .join(' ');
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <ul class="chart-legend">
        {series.map((s, i) => (
          <li key={s.key}>
            <svg class="chart-key" width="28" height="14" aria-hidden="true">
              <line class={`series-${i} line-${i}`} x1="0" x2="28" y1="7" y2="7" />
              <Marker index={i} cx={14} cy={7} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        class="line-chart"
        width="100%"
        height={HEIGHT}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{caption}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t.value} class="chart-tick">
            <line x1={`${LEFT}%`} x2={`${RIGHT}%`} y1={y(t.value)} y2={y(t.value)} />
            <text x={`${LEFT - 2}%`} y={y(t.value) + 4} text-anchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % every === 0 ? (
            <text key={p.long} class="chart-tick-x" x={x(i)} y={HEIGHT - 8} text-anchor="middle">
              {p.short}
            </text>
          ) : null,
        )}
        {series.map((s, k) => (
          <g key={s.key}>
            {s.values.map((value, i) => {
              const next = s.values[i + 1];
              return value !== null && next !== null && next !== undefined ? (
                <line
                  key={points[i]?.long}
                  class={`series-${k} line-${k}`}
                  x1={x(i)}
                  x2={x(i + 1)}
                  y1={y(value)}
                  y2={y(next)}
                />
              ) : null;
            })}
            {s.values.map((value, i) =>
              value === null ? null : (
                <Marker key={points[i]?.long} index={k} cx={x(i)} cy={y(value)} />
              ),
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** A circle for the first series, a square for the second: told apart without colour. */
function Marker({ index, cx, cy }: { index: number; cx: number | string; cy: number }) {
  if (index === 0) return <circle class="series-0 marker" cx={cx} cy={cy} r="5" />;
  // A square centred on (cx, cy); x may be a percentage, so it is shifted back by a transform.
  return (
    <rect
      class={`series-${index} marker`}
      x={cx}
      y={cy - 5}
      width="10"
      height="10"
      transform="translate(-5 0)"
    />
  );
}
