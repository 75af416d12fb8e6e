// A field a body does not know is refused, not dropped (README, API): a client sending
// `contact_number`, another platform's name for `to_number`, would otherwise start calls with the
// number missing its intent. Each unknown field gets a message under its own name in `details`,
// naming the right field when the unknown one is a known alias or a camelCase spelling.

/** Other platforms' names (and obvious synonyms) for our fields. */
const ALIASES: Record<string, string> = {
  contact_number: "to_number",
  phone_number: "to_number",
  phone: "to_number",
  number: "to_number",
  to: "to_number",
  customer_number: "to_number",
  recipient: "to_number",
  destination: "to_number",
  from: "from_number",
  caller_id: "from_number",
  assistant_id: "agent_id",
  assistantId: "agent_id",
  assistant: "agent",
  voice_id: "voice",
  voiceId: "voice",
  greeting: "first_message",
  begin_message: "first_message",
  meta: "metadata",
  expiry: "expires_at",
  expires: "expires_at",
  expiration: "expires_at",
  scopes: "permissions",
  origins: "allowed_origins",
  ips: "allowed_ips",
  enabled: "status",
  active: "status",
  grace_period: "grace_period_seconds",
};

/**
 * Our snake_case fields of more than one word: a camelCase spelling of one (firstMessage) is
 * named. lib/api/unknown-fields.test.ts checks this list against the OpenAPI document.
 */
export const SNAKE_CASE_FIELDS = [
  "to_number",
  "from_number",
  "agent_id",
  "first_message",
  "allowed_origins",
  "allowed_agents",
  "allow_transient_agents",
  "allowed_ips",
  "expires_at",
  "rate_limit",
  "requests_per_second",
  "grace_period_seconds",
  "api_keys",
] as const;

const SNAKE = new Set<string>(SNAKE_CASE_FIELDS);

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The field `name` most likely means, or null when it is no known misspelling of one. */
export function suggestField(name: string): string | null {
  if (Object.hasOwn(ALIASES, name)) return ALIASES[name]!;
  const snake = snakeCase(name);
  return snake !== name && SNAKE.has(snake) ? snake : null;
}

/** The message for an unknown field `name` (shown escaped by the caller). */
export function unknownFieldMessage(name: string): string {
  const suggestion = suggestField(name);
  return suggestion
    ? `Unknown field: this API calls it ${suggestion}. Send ${suggestion} instead.`
    : "Unknown field: remove it, or check its spelling against the API reference (/docs/api).";
}
