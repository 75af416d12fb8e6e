// How long a dashboard session lasts (README "Security"): 30 days after sign-in at most, and
// 7 days after its last use. No imports: proxy.ts loads this too.
export const SESSION_MAX_AGE_DAYS = 30;
export const SESSION_IDLE_DAYS = 7;
