// Several API servers on one PostgreSQL (and Redis, when given), each a process of its own with
// its own cache and LISTEN connection (test/support/api-node.ts), as behind a load balancer.
// `send` spreads requests over the servers, or aims at one with `server`.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sendApiRequest, type ApiRequest, type ApiResponse } from "./serve-api";

export type ClusterRequest = ApiRequest & { key?: string };

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

const ENTRY = path.resolve(import.meta.dirname, "api-node.ts");

export async function startCluster(options: { size: number; databaseUrl: string; env?: Record<string, string> }) {
  const nodes = await Promise.all(Array.from({ length: options.size }, () => startNode(options.databaseUrl, options.env ?? {})));
  let next = 0;

  /** To the server numbered `server`, or to each in turn (api-node trusts one proxy: `ip` is the client). */
  function send(request: ClusterRequest & { server?: number }): Promise<ApiResponse> {
    const node = nodes[request.server ?? next++ % nodes.length]!;
    return sendApiRequest(`http://127.0.0.1:${node.port}`, request.key, request);
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
