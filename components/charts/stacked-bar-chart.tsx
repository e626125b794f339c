export interface ChartSeries {
  label: string;
  /** Fill colour of the segment; the legend and the table carry the meaning too (never colour alone). */
  color: string;
}

export interface ChartRow {
  label: string;
  values: number[];
}

/*
 * A horizontal stacked bar chart rendered on the server as SVG (no JavaScript), followed by the
 * same numbers in a table: the picture is for the eye, the table for everyone (screen readers,
 * printing, copying). The SVG is one image with a text alternative that points to the table.
 */
export function StackedBarChart({
  id,
  title,
  series,
  rows,
  unit,
  rowHeader,
}: {
  id: string;
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  unit: string;
  rowHeader: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const barHeight = 22;
  const rowHeight = 54;
  const width = 600;
  const height = rows.length * rowHeight + 8;
  // Labels are written above each bar: the bars get the whole width, less room for the total.
  const scale = (width - 60) / max;
  return (
    <figure aria-labelledby={`${id}-titre`} className="mt-4">
      <figcaption id={`${id}-titre`} className="text-lg font-bold text-slate-900">
        {title}
      </figcaption>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1" aria-label="Légende">
        {series.map((s) => (
          <li key={s.label} className="flex items-center gap-2 text-base">
            <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
              <rect width="16" height="16" fill={s.color} stroke="#0f172a" strokeWidth="1" />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        role="img"
        aria-label={`${title} : graphique, les mêmes chiffres sont dans le tableau qui suit.`}
        viewBox={`0 0 ${width} ${height}`}
        className="mt-2 h-auto w-full max-w-2xl"
      >
        {rows.map((row, i) => {
          const y = i * rowHeight;
          let x = 0;
          const total = row.values.reduce((a, b) => a + b, 0);
          return (
            <g key={row.label}>
              <text x={0} y={y + 16} fontSize="15" fill="#0f172a">
                {row.label.length > 70 ? `${row.label.slice(0, 69)}…` : row.label}
              </text>
              {row.values.map((v, j) => {
                const w = v * scale;
                const rect = (
                  <rect
                    key={j}
                    x={x}
                    y={y + 22}
                    width={w}
                    height={barHeight}
                    fill={series[j]?.color}
                    stroke="#0f172a"
                    strokeWidth={w > 0 ? 1 : 0}
                  />
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + 38} fontSize="15" fill="#0f172a">
                {total}
              </text>
            </g>
          );
        })}
      </svg>
      {/* A table wider than a phone scrolls: the scrolling box takes the focus (keyboard users scroll it). */}
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={`${title} : tableau`}>
        <table className="w-full border-collapse text-left text-base">
          <caption className="sr-only">
            {title} ({unit})
          </caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-slate-400 p-2">
                {rowHeader}
              </th>
              {series.map((s) => (
                <th key={s.label} scope="col" className="border-b-2 border-slate-400 p-2">
                  {s.label}
                </th>
              ))}
              <th scope="col" className="border-b-2 border-slate-400 p-2">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className="border-b border-slate-300 p-2 font-semibold">
                  {row.label}
                </th>
                {row.values.map((v, j) => (
                  <td key={j} className="border-b border-slate-300 p-2">
                    {v}
                  </td>
                ))}
                <td className="border-b border-slate-300 p-2">{row.values.reduce((a, b) => a + b, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
