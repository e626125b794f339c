import type { ReactNode } from "react";

/** The classes of a table's header and body cells (borders, padding), for the rows a ScrollTable holds. */
export const tableHeadCell = "border-b-2 border-slate-400 p-2";
export const tableCell = "border-b border-slate-300 p-2";

/**
 * A data table wider than a phone: it scrolls inside its own region, which the keyboard can reach
 * (tabIndex) and a screen reader names by the caption. `headers` are the column headers (th
 * scope="col"); the rows, with their row header (th scope="row"), are the children.
 */
export function ScrollTable({
  id,
  caption,
  headers,
  children,
}: {
  id: string;
  caption: string;
  headers: ReactNode[];
  children: ReactNode;
}) {
  return (
    <div className="mt-6 overflow-x-auto" tabIndex={0} role="region" aria-labelledby={id}>
      <table className="border-collapse text-left text-base">
        <caption id={id} className="mb-2 text-left text-lg font-bold text-slate-900">
          {caption}
        </caption>
        <thead>
          <tr>
            {headers.map((header, i) => (
              <th key={i} scope="col" className={tableHeadCell}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
