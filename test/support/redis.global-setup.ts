// One Redis for the integration run, like the database: `redis-server` on a free port when it is
// on PATH (CI installs it), else TEST_REDIS_URL. Tests read its URL with inject("redisUrl"); an
// empty URL means there is no Redis here, and the Redis variants of the tests are skipped.
import type { TestProject } from "vitest/node";
import { hasRedisServer, startRedisServer } from "./redis";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (hasRedisServer()) {
    const redis = await startRedisServer();
    project.provide("redisUrl", redis.url);
    console.log(`[integration] redis-server on ${redis.url}`);
    return () => redis.stop();
  }
  const url = process.env.TEST_REDIS_URL ?? "";
  project.provide("redisUrl", url);
  console.log(url ? "[integration] Redis at TEST_REDIS_URL" : "[integration] no redis-server and no TEST_REDIS_URL: the Redis variants are skipped");
}
