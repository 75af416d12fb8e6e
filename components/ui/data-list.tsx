"use client";
// The one list of the dashboard (README "Lists"): keys, agents, calls, members and the audit log
// declare their columns (TanStack Table column definitions) and this owns the markup. Where
// there is room (its container at least 56rem wide) it is a table; in a narrower one each row
// lays out as a card, so nothing needs sideways scrolling. One markup for both: the explicit
// ARIA roles keep the table's semantics when CSS changes the rows' display, which drops them in
// some browsers. Rows arrive searched, filtered, sorted and paged by the server: the table only
// holds the column model and the sort state, which it hands to the URL.
import { rowSortingFeature, tableFeatures, useTable, type ColumnDef, type RowData, type SortingState, type Updater } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export type ListColumnMeta = {
  /** Classes of the column's cells: their place in the card, and `@4xl:` ones for the table. */
  className?: string;
  headerClassName?: string;
  /** The header is read by screen readers only (an actions column). */
  hideHeader?: boolean;
};

// Only the sort state: the rows are already in the server's order (manualSorting below).
export const listFeatures = tableFeatures({ rowSortingFeature, columnMeta: {} as ListColumnMeta });

export type ListColumn<T extends RowData> = ColumnDef<typeof listFeatures, T>;

/** Table layout of a cell: in its column, with the padding the card has on the row. */
export const tableCell = "@4xl:table-cell @4xl:px-3 @4xl:py-3";

const headerCell = "px-3 py-3 font-medium whitespace-nowrap";

export type ListSort = { id: string; desc: boolean };

export function DataList<T extends RowData>({
  label,
  columns,
  rows,
  getRowId,
  rowClassName,
  sort,
  onSortChange,
  className,
}: {
  /** The table's accessible name ("API keys"). */
  label: string;
  /**
   * Module-level or memoised: a new array each render rebuilds the column model. A column the
   * list can be sorted by has an `accessorFn` (TanStack sorts only those) and the server's sort name as id.
   */
  columns: ListColumn<T>[];
  rows: T[];
  getRowId: (row: T) => string;
  /** The card's grid on narrow screens; the table row's look past @4xl. */
  rowClassName: string;
  /** The server's sort, when the list can be sorted by a column header. */
  sort?: ListSort;
  onSortChange?: (sort: ListSort) => void;
  className?: string;
}) {
  const sorting: SortingState = sort ? [sort] : [];
  const table = useTable({
    features: listFeatures,
    columns,
    data: rows,
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    enableSorting: !!onSortChange,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === "function" ? updater(sorting) : updater;
      if (next && onSortChange) onSortChange({ id: next.id, desc: next.desc });
    },
  });

  return (
    // `relative`: the visually hidden header text is absolutely positioned, and without a
    // positioned ancestor it escapes this box's clip and widens the whole page.
    <div className={cn("@container relative overflow-x-auto rounded-xl border border-zinc-200 bg-white", className)}>
      <table role="table" aria-label={label} className="block w-full text-left text-sm @4xl:table">
        <thead
          role="rowgroup"
          className="hidden border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase @4xl:table-header-group"
        >
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} role="row">
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sorted = header.column.getIsSorted();
                const title = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                return (
                  <th
                    key={header.id}
                    role="columnheader"
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className={cn(meta?.hideHeader ? "px-3 py-3" : headerCell, meta?.headerClassName)}
                  >
                    {meta?.hideHeader ? (
                      <span className="sr-only">{title}</span>
                    ) : header.column.getCanSort() ? (
                      <SortButton sorted={sorted} onClick={header.column.getToggleSortingHandler()}>
                        {title}
                      </SortButton>
                    ) : (
                      title
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-zinc-100 @4xl:table-row-group">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} role="row" className={cn("@4xl:table-row @4xl:p-0 @4xl:align-top", rowClassName)}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} role="cell" className={cell.column.columnDef.meta?.className}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortButton({ sorted, onClick, children }: { sorted: false | "asc" | "desc"; onClick?: (event: unknown) => void; children: ReactNode }) {
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={onClick}
      className="-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-zinc-900"
    >
      {children}
      <Icon className={cn("size-3.5", sorted ? "text-zinc-900" : "text-zinc-400")} aria-hidden />
    </button>
  );
}
