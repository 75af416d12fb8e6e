// How long a rolled key keeps working beside its successor (0: it is revoked at once).
export const ROLL_GRACE_CHOICES = [
  { seconds: 0, label: "Stop it now" },
  { seconds: 3600, label: "1 hour" },
  { seconds: 86_400, label: "24 hours" },
  { seconds: 7 * 86_400, label: "7 days" },
] as const;
