// Links between states of a list: the same path with some query parameters changed. Client-safe
// (no zod, no database): the toolbar, the pager and the column headers all build URLs here.
export type ListParams = Record<string, string | number | boolean | undefined | null>;

/** The parameters of a list's state worth a URL: empty values, `false` and nulls are left out. */
export function toSearchParams(params: ListParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    out.set(name, value === true ? "1" : String(value));
  }
  return out;
}

/** `path` with `params` changed by `patch`; a change of anything but the page starts from page one. */
export function listHref(path: string, params: ListParams, patch: ListParams = {}): string {
  const paging = "cursor" in patch || "before" in patch;
  const next = toSearchParams({ ...params, ...(paging ? {} : { cursor: undefined, before: undefined }), ...patch });
  return next.size ? `${path}?${next}` : path;
}
