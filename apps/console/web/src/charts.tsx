// Small horizontal bar charts in SVG, with the same figures in a table beside them: the chart is
// a picture of the table (role="img" with a text alternative), never the only way to read them.
import type { JSX } from 'preact';

export interface Bar {
  label: string;
  /** null: not known (e.g. a percentage of nothing); drawn as no bar, written as "none". */
  value: number | null;
}

const ROW = 26;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 260;
const VALUE_WIDTH = 70;

export function figure(value: number | null, unit = ''): string {
  if (value === null) return 'none';
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown}${unit}`;
}

/**
 * A chart and its table, titled `title` (the table's caption and the chart's name). With
 * `describedBy`, the page already has a fuller table of the same figures: the chart names it
 * as its description and draws no table of its own.
 */
export function BarChart(props: {
  id: string;
  title: string;
  bars: Bar[];
  /** e.g. "%" or " h"; written after each value. */
  unit?: string;
  /** The scale's top; the largest value (at least 1) when absent. */
  max?: number;
  describedBy?: string;
}): JSX.Element {
  const unit = props.unit ?? '';
  const max = props.max ?? Math.max(1, ...props.bars.map((b) => b.value ?? 0));
  const height = props.bars.length * ROW + 4;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const summary = props.bars.map((b) => `${b.label}: ${figure(b.value, unit)}`).join('; ');
  const titleId = `${props.id}-title`;
  return (
    <figure class="chart" data-testid={`chart-${props.id}`} style="margin: 1rem 0 2rem">
      {!props.describedBy && (
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {props.bars.map((b, i) => (
              <tr key={i}>
                <th scope="row">{b.label}</th>
                <td>{figure(b.value, unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={props.describedBy}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={`max-width: ${width}px; display: block; margin-top: 0.5rem`}
      >
        <title id={titleId}>{`Bar chart of ${props.title}. ${summary}`}</title>
        {props.bars.map((b, i) => {
          const y = i * ROW + 2;
          const w = b.value === null ? 0 : Math.max(0, (b.value / max) * BAR_WIDTH);
          return (
            <g key={i}>
              <text x={LABEL_WIDTH - 8} y={y + 17} text-anchor="end" font-size="13" fill="#1b1b1b">
                {b.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 3}
                width={BAR_WIDTH}
                height={ROW - 8}
                fill="#f3f2f1"
                stroke="#b1b4b6"
              />
              <rect x={LABEL_WIDTH} y={y + 3} width={w} height={ROW - 8} fill="#1d4f91" />
              <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 17} font-size="13" fill="#1b1b1b">
                {figure(b.value, unit)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
