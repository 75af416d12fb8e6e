// No telephony: a call's progress is planned when it is created and kept in the database as
// three times, so that every server, before and after a restart, reads the same status off the
// clock. A short ring, a short answer, and a conversation of 20 to 60 seconds.
export const CALL_STATUSES = ["queued", "ringing", "in_progress", "completed"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export type CallSchedule = { ringingAt: Date; answeredAt: Date; endedAt: Date };

export function planCall(createdAt: Date, random: () => number = Math.random): CallSchedule {
  const at = (seconds: number) => new Date(createdAt.getTime() + seconds * 1000);
  const talk = 20 + Math.floor(random() * 41);
  return { ringingAt: at(2), answeredAt: at(6), endedAt: at(6 + talk) };
}

export function callStatus(schedule: CallSchedule, now: Date = new Date()): CallStatus {
  if (now < schedule.ringingAt) return "queued";
  if (now < schedule.answeredAt) return "ringing";
  if (now < schedule.endedAt) return "in_progress";
  return "completed";
}
