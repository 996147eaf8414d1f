import type { JSX } from 'preact';

/**
 * A plain horizontal bar chart in SVG. The figures are written beside each bar, so nothing is
 * told by length or colour alone; the chart is one image with a title, and the page's table
 * holds the same figures as its text alternative (named by `describedBy`).
 */
export function BarChart(props: {
  title: string;
  bars: Array<{ label: string; value: number }>;
  unit: [one: string, many: string];
  describedBy?: string;
}): JSX.Element {
  const rowHeight = 28;
  const labelWidth = 180;
  const barSpace = 320;
  const width = labelWidth + barSpace + 130;
  const height = Math.max(1, props.bars.length) * rowHeight + 8;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const titleId = `chart-title-${props.title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={props.describedBy}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width}px` }}
      >
        <title id={titleId}>{props.title}</title>
        {props.bars.map((bar, i) => {
          const y = i * rowHeight + 4;
          const w = Math.max(2, (bar.value / max) * barSpace);
          const label = bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label;
          return (
            <g key={i}>
              <text x={labelWidth - 8} y={y + 17} text-anchor="end" font-size="14" fill="#0b0c0c">
                {label}
              </text>
              <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 10} fill="#1d4f91" />
              <text x={labelWidth + w + 6} y={y + 17} font-size="14" fill="#0b0c0c">
                {bar.value} {bar.value === 1 ? props.unit[0] : props.unit[1]}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{props.title}. The same figures are in the table.</figcaption>
    </figure>
  );
}
