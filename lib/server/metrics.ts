// Prometheus metrics (prom-client), served only on METRICS_PORT so they are never public by
// accident (README "Operations"). The API's per-request figures are counted in plain numbers on
// the hot path and handed to prom-client when Prometheus scrapes, so a request pays a Map update
// and a histogram bucket, not a label lookup per metric.
import { createServer, type Server, type ServerResponse } from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** The Hono route a response answered (set by the API, read when the response is counted). */
const ROUTE = Symbol("switchboard.route");

type Probe = () => number | Promise<number>;

class ApiMetrics {
  readonly registry = new Registry();
  private requests = new Map<string, number>();
  private verifications = new Map<string, number>();
  private readonly latency: Histogram;
  private probes: Partial<Record<"cacheHits" | "cacheMisses" | "listenConnected" | "poolInUse" | "rateLimited", Probe>> = {};

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.latency = new Histogram({
      name: "switchboard_api_request_duration_seconds",
      help: "Time from the request reaching the API tier to the response being written",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    const counts = (name: string, help: string, labelNames: string[], source: () => Map<string, number>) =>
      new Counter({
        name,
        help,
        labelNames,
        registers: [this.registry],
        collect() {
          this.reset();
          for (const [joined, value] of source()) {
            const values = joined.split("\t");
            this.inc(Object.fromEntries(labelNames.map((label, i) => [label, values[i]!])), value);
          }
        },
      });
    counts("switchboard_api_requests_total", "API requests by route and HTTP status", ["route", "status"], () => this.requests);
    counts("switchboard_key_verifications_total", "Key checks by outcome (valid, or the refusal's reason)", ["outcome"], () => this.verifications);
    const probes = this.probes;
    const gauge = (name: string, help: string, probe: keyof ApiMetrics["probes"]) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          const read = probes[probe];
          if (read) this.set(await read());
        },
      });
    gauge("switchboard_key_cache_hits", "Key lookups answered from this server's cache since start", "cacheHits");
    gauge("switchboard_key_cache_misses", "Key lookups that went to the database since start", "cacheMisses");
    gauge("switchboard_listen_connected", "1 while the LISTEN connection for key changes is up", "listenConnected");
    gauge("switchboard_db_pool_in_use", "Database connections of this server's pool that are open", "poolInUse");
    gauge("switchboard_rate_limited", "Requests refused by a rate limit since start", "rateLimited");
  }

  /** Where the gauges read their figures; parts of the platform register as they start. */
  provide(probes: ApiMetrics["probes"]) {
    Object.assign(this.probes, probes);
  }

  /** Called once per API response, after it is written. */
  recordRequest(res: ServerResponse, startedAt: number) {
    const route = (res as ServerResponse & { [ROUTE]?: string })[ROUTE] ?? "unmatched";
    const key = `${route}\t${res.statusCode}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    this.latency.observe((performance.now() - startedAt) / 1000);
  }

  recordVerification(outcome: string) {
    this.verifications.set(outcome, (this.verifications.get(outcome) ?? 0) + 1);
  }
}

/** Names the route a response answers, for the requests counter (bounded: route patterns only). */
export function setResponseRoute(res: ServerResponse | undefined, route: string) {
  if (res) (res as ServerResponse & { [ROUTE]?: string })[ROUTE] = route;
}

// One per process: the API tier and the request listener share it.
const globalForMetrics = globalThis as unknown as { switchboardMetrics?: ApiMetrics };

export function getMetrics(): ApiMetrics {
  return (globalForMetrics.switchboardMetrics ??= new ApiMetrics());
}

/** Serves GET /metrics on its own port; nothing else is served there. */
export async function startMetricsServer(port: number, host: string): Promise<Server> {
  const metrics = getMetrics();
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/metrics") {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found: GET /metrics\n");
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { "Content-Type": metrics.registry.contentType }).end(text),
      () => res.writeHead(500, { "Content-Type": "text/plain" }).end("metrics failed\n"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
