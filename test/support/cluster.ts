// Several API servers on one PostgreSQL (and Redis, when given), each a process of its own with
// its own cache and LISTEN connection (test/support/api-node.ts), as behind a load balancer.
// `send` spreads requests over the servers, or aims at one with `server`.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type ClusterRequest = { method?: string; path: string; key?: string; ip?: string; body?: unknown; headers?: Record<string, string> };
export type ClusterResponse = { status: number; body: any; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

const ENTRY = path.resolve(import.meta.dirname, "api-node.ts");

export async function startCluster(options: { size: number; databaseUrl: string; env?: Record<string, string> }) {
  const nodes = await Promise.all(Array.from({ length: options.size }, () => startNode(options.databaseUrl, options.env ?? {})));
  let next = 0;

  async function send(request: ClusterRequest & { server?: number }): Promise<ClusterResponse> {
    const node = nodes[request.server ?? next++ % nodes.length]!;
    const response = await fetch(`http://127.0.0.1:${node.port}${request.path}`, {
      method: request.method ?? "GET",
      headers: {
        ...(request.key ? { "X-API-Key": request.key } : {}),
        // api-node trusts one proxy: this is the client address the request claims to come from.
        ...(request.ip ? { "X-Forwarded-For": request.ip } : {}),
        ...(request.body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...request.headers,
      },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  return {
    nodes,
    send,
    async stop() {
      await Promise.all(nodes.map((node) => node.stop()));
    },
  };
}

async function startNode(databaseUrl: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, API_NODE_PORT: "0", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /api-node ready on (\d+)/.exec(output);
      if (ready) resolve(Number(ready[1]));
    });
    child.once("exit", (code) => reject(new Error(`api-node exited with ${code} before it was ready`)));
  });
  return {
    port,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
