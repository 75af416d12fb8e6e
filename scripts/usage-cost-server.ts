// For `npm run bench:usage`: the /api/v1 app three times in one process, on the same database and
// key cache: counting nothing, counting usage, and counting usage and the workspace's first request
// (as in production, lib/api/platform.ts), so that the bench can load them in turn and compare.
// Prints "ready <base without> <base counting> <base counting and first request>" once all listen.
// Env: DATABASE_URL.
import { getDb } from "@/db/client";
import { keyLookupFrom, publicOriginsFrom } from "@/db/queries/key-verification";
import { createApiApp } from "@/lib/api/app";
import { cachedLookup, KeyCache } from "@/lib/keys/cache";
import { OriginIndex } from "@/lib/keys/origin-index";
import { createKeyVerifier } from "@/lib/keys/verify";
import { FirstRequestRecorder } from "@/lib/onboarding/first-request";
import { recordFirstRequest } from "@/lib/services/onboarding";
import { UsageRecorder } from "@/lib/usage/recorder";
import { getUsageStore } from "@/lib/usage/store";
import { serveApi } from "../test/support/serve-api";

const db = getDb();
const verifyRequest = createKeyVerifier({ lookup: cachedLookup(new KeyCache(), keyLookupFrom(db)) });
const origins = new OriginIndex(publicOriginsFrom(db), 0);
const usage = new UsageRecorder(getUsageStore());
usage.start(5_000);
const without = await serveApi(createApiApp({ verifyRequest, origins }).fetch);
const counting = await serveApi(createApiApp({ verifyRequest, origins, usage }).fetch);
const full = await serveApi(createApiApp({ verifyRequest, origins, usage, firstRequests: new FirstRequestRecorder(recordFirstRequest) }).fetch);
console.log(`ready ${without.base} ${counting.base} ${full.base}`);
