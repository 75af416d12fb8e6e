"use client";
// A list's search, filters, sort and page size (README "Lists"). A plain GET form, so it works
// before (or without) JavaScript; with it, a change applies at once and the search waits for a
// pause in typing. Either way the state ends up in the URL, where the server reads it.
import { Search } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef } from "react";
import { SelectField } from "@/components/ui/select-field";
import { PAGE_SIZES } from "@/lib/lists/page-sizes";
import type { ListParams } from "@/lib/lists/href";
import { cn } from "@/lib/utils";
import { useListNavigation } from "./use-list-navigation";

type Option = { value: string; label: string };

export type ListSelect = { name: string; label: string; value: string; options: Option[] };
export type ListFlag = { name: string; label: string; checked: boolean };
export type ListDate = { name: string; label: string; value: string };

const SEARCH_DELAY_MS = 300;

export function ListToolbar({
  label,
  path,
  search,
  selects = [],
  flags = [],
  dates = [],
  sort,
  pageSize,
  clearHref,
  errors = [],
}: {
  /** The form's accessible name ("Filter keys"). */
  label: string;
  /** Where the form submits without JavaScript: the list's own page. */
  path: string;
  search?: { label: string; placeholder: string; value: string };
  selects?: ListSelect[];
  flags?: ListFlag[];
  /** Dates (YYYY-MM-DD), such as the start and end of a range. */
  dates?: ListDate[];
  /** Sort options as `column.dir` ("created.desc"). */
  sort?: { value: string; options: Option[] };
  pageSize: number;
  /** The unfiltered list, when something is filtered. */
  clearHref?: string | null;
  /** Parameters that could not be read and were ignored. */
  errors?: string[];
}) {
  const { navigate, pending } = useListNavigation();
  const form = useRef<HTMLFormElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pageSizeId = useId();

  // The URL can change from outside the form (Clear, Back): show what it says. A control the
  // person is typing in keeps its text.
  const state = JSON.stringify([search?.value, selects.map((s) => s.value), flags.map((f) => f.checked), dates.map((d) => d.value), sort?.value, pageSize]);
  useEffect(() => {
    const elements = form.current?.elements;
    if (!elements) return;
    const set = (name: string, value: string) => {
      const element = elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (element && element !== document.activeElement && element.value !== value) element.value = value;
    };
    if (search) set("q", search.value);
    for (const select of selects) set(select.name, select.value);
    for (const date of dates) set(date.name, date.value);
    for (const flag of flags) {
      const box = elements.namedItem(flag.name) as HTMLInputElement | null;
      if (box) box.checked = flag.checked;
    }
    if (sort) set("order", sort.value);
    set("limit", String(pageSize));
    // `state` sums up every value read above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  useEffect(() => () => clearTimeout(timer.current), []);

  function apply() {
    clearTimeout(timer.current);
    const data = new FormData(form.current!);
    const patch: ListParams = {};
    if (search) patch.q = String(data.get("q") ?? "").trim();
    for (const select of selects) patch[select.name] = String(data.get(select.name) ?? "");
    for (const date of dates) patch[date.name] = String(data.get(date.name) ?? "");
    for (const flag of flags) patch[flag.name] = data.get(flag.name) === "1";
    if (sort) {
      // The first option is the list's default order: a URL without it is shorter and the same.
      const order = String(data.get("order") ?? "");
      const [column, dir] = order === sort.options[0]?.value ? [] : order.split(".");
      Object.assign(patch, { sort: column, dir, order: undefined });
    }
    const limit = Number(data.get("limit"));
    patch.limit = limit === PAGE_SIZES[0] ? undefined : limit;
    navigate(patch);
  }

  return (
    <form
      ref={form}
      method="get"
      action={path}
      aria-label={label}
      aria-busy={pending || undefined}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onChange={(event) => {
        if ((event.target as Element) === searchInput.current) {
          clearTimeout(timer.current);
          timer.current = setTimeout(apply, SEARCH_DELAY_MS);
        } else apply();
      }}
      className="grid gap-3 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[repeat(auto-fit,minmax(10rem,1fr))]"
    >
      {search ? (
        <div className="space-y-1.5 sm:col-span-2 lg:col-span-1 lg:min-w-56">
          <label htmlFor={`${pageSizeId}-q`} className="block text-sm font-medium text-zinc-800">
            {search.label}
          </label>
          <div className="relative">
            <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-zinc-400" aria-hidden />
            <input
              ref={searchInput}
              id={`${pageSizeId}-q`}
              type="search"
              name="q"
              defaultValue={search.value}
              placeholder={search.placeholder}
              maxLength={100}
              autoComplete="off"
              className="block w-full rounded-md border border-zinc-300 bg-white py-2 pr-3 pl-8 text-sm text-zinc-900 shadow-xs focus:border-zinc-900 focus:ring-1 focus:ring-zinc-900 focus:outline-none"
            />
          </div>
        </div>
      ) : null}
      {selects.map((select) => (
        <SelectField key={select.name} label={select.label} name={select.name} defaultValue={select.value} options={select.options} />
      ))}
      {dates.map((date) => (
        <label key={date.name} className="space-y-1.5 text-sm font-medium text-zinc-800">
          <span className="block">{date.label}</span>
          <input
            type="date"
            name={date.name}
            defaultValue={date.value}
            className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs focus:border-zinc-900 focus:ring-1 focus:ring-zinc-900 focus:outline-none"
          />
        </label>
      ))}
      {sort ? <SelectField label="Sort" name="order" defaultValue={sort.value} options={sort.options} /> : null}
      <SelectField
        label="Rows per page"
        name="limit"
        defaultValue={String(pageSize)}
        options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
      />
      {flags.length > 0 ? (
        <fieldset className="flex flex-wrap items-end gap-x-4 gap-y-2 pb-2 sm:col-span-2 lg:col-span-1">
          <legend className="sr-only">Show only</legend>
          {flags.map((flag) => (
            <label key={flag.name} className="flex items-center gap-2 text-sm whitespace-nowrap text-zinc-800">
              <input type="checkbox" name={flag.name} value="1" defaultChecked={flag.checked} className="size-4 rounded border-zinc-300 accent-zinc-900" />
              {flag.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="flex items-end gap-3">
        <button
          type="submit"
          className={cn(
            "h-9 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900",
            pending && "opacity-70",
          )}
        >
          Filter
        </button>
        {clearHref ? (
          <Link href={clearHref} className="pb-2 text-sm font-medium underline underline-offset-4">
            Clear
          </Link>
        ) : null}
      </div>
      {errors.length > 0 ? (
        <p role="alert" className="text-sm text-red-700 sm:col-span-full">
          Some filters could not be read and were ignored: {errors.join("; ")}.
        </p>
      ) : null}
    </form>
  );
}
