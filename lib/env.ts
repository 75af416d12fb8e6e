// Every setting Switchboard reads, parsed once with zod. Each one has a working default so a
// fresh machine needs no configuration; a bad value fails the build and the start.
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  // External PostgreSQL. When unset, server.ts starts the embedded one and fills this in.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  // Where the embedded database and the generated AUTH_SECRET live.
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  // Signs session cookies. When unset, server.ts generates one under DATA_DIR and keeps it.
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  // How many proxies you control stand in front of the server ("true" = 1). Their forwarding
  // headers are believed; with 0, clients' forwarding headers are dropped.
  TRUST_PROXY: z
    .union([z.enum(["true", "false"]), z.string().regex(/^\d$/, 'TRUST_PROXY is "true", "false" or a number of proxies (0-9)')])
    .default("false")
    .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value))),
  // Next's build directory. The end-to-end suite builds into its own, so that `npm test` never
  // rebuilds the `.next` a running `npm start` serves from.
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  // The dashboard's public address (https://switchboard.example.com), for links in emails.
  // When unset, links use the address of the request that made them.
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Outgoing mail (invitations). Unset: nothing is emailed, every link can be copied instead.
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Switchboard <no-reply@switchboard.invalid>"),
  // Prometheus metrics (GET /metrics) on this port only, never on PORT; unset: no metrics server.
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // Shared rate-limit counts (redis:// or rediss://). Unset: each server counts its own, which lets
  // N servers together serve N times a key's limit.
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "REDIS_URL is a redis:// or rediss:// URL" }).optional(),
  // Live (not revoked) keys one workspace may hold; Generate explains the limit when it is reached.
  MAX_KEYS_PER_WORKSPACE: z.coerce.number().int().min(1).default(50_000),
  // Key checks answered from memory (lib/keys/cache.ts): live keys, and unknown well-formed keys
  // in a cache of their own, so that a flood of random keys cannot evict live ones.
  KEY_CACHE_SIZE: z.coerce.number().int().min(100).default(100_000),
  KEY_MISS_CACHE_SIZE: z.coerce.number().int().min(100).default(100_000),
  // GitHub's secret-scanning public keys, as GitHub publishes them (README "Leaked keys"); read from
  // this file, never fetched. Unset: POST /api/v1/secret-scanning/github takes no reports.
  SECRET_SCANNING_KEYS_FILE: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    // An empty variable (`DATABASE_URL=`) means "unset", as in most tools.
    const present = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
    const parsed = envSchema.safeParse(present);
    if (!parsed.success) {
      throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * server.ts resolves DATABASE_URL (embedded database) and AUTH_SECRET (generated) at start.
 * It writes them to process.env because Next's bundle holds its own copy of this module and
 * Auth.js reads AUTH_SECRET from process.env itself.
 */
export function setResolvedEnv(values: { DATABASE_URL?: string; AUTH_SECRET?: string }) {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) process.env[name] = value;
  }
  cached = undefined;
}
