// For `npm run bench:usage`: the /api/v1 app twice in one process, on the same database and key
// cache, once counting usage and once not, so that the bench can load them in turn and compare.
// Prints "ready <base without> <base with>" once both listen. Env: DATABASE_URL.
import { getDb } from "@/db/client";
import { keyLookupFrom, publicOriginsFrom } from "@/db/queries/key-verification";
import { createApiApp } from "@/lib/api/app";
import { cachedLookup, KeyCache } from "@/lib/keys/cache";
import { OriginIndex } from "@/lib/keys/origin-index";
import { createKeyVerifier } from "@/lib/keys/verify";
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
console.log(`ready ${without.base} ${counting.base}`);
