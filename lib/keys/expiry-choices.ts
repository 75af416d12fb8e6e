// The expiry choices of the dashboard's key forms: never, N days from now, or a date. A module of
// its own, free of zod, so that the form's JavaScript does not carry the validation library
// (lib/keys/policy.ts reads the choice on the server).
export const EXPIRY_CHOICES = [
  { value: "never", label: "Never" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "60", label: "60 days" },
  { value: "90", label: "90 days" },
  { value: "date", label: "On a date…" },
] as const;
