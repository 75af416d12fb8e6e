// Several API servers on one PostgreSQL (and Redis, when given), each a process of its own with
// its own cache and LISTEN connection (test/support/api-node.ts), as behind a load balancer.
// `send` spreads requests over the servers, or aims at one with `server`; `cutListen` kills a
// server's LISTEN connection from the database side, as a network cut or a restarted pooler would.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import { listenApplicationName } from "@/lib/keys/invalidation";
import { sendApiRequest, type ApiRequest, type ApiResponse } from "./serve-api";

export type ClusterRequest = ApiRequest & { key?: string };

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

const ENTRY = path.resolve(import.meta.dirname, "api-node.ts");

export async function startCluster(options: { size: number; databaseUrl: string; env?: Record<string, string>; nodeEnv?: (index: number) => Record<string, string> }) {
  const nodes = await Promise.all(
    Array.from({ length: options.size }, (_, index) => startNode(options.databaseUrl, { ...options.env, ...options.nodeEnv?.(index) })),
  );
  let next = 0;
  let admin: postgres.Sql | undefined;
  const adminSql = () => (admin ??= postgres(options.databaseUrl, { max: 1, onnotice: () => {} }));

  /** Whether server `index` has a LISTEN connection open (as pg_stat_activity shows it). */
  async function listening(index: number) {
    const rows = await adminSql()`select 1 from pg_stat_activity where application_name = ${listenApplicationName(nodes[index]!.serverId)}`;
    return rows.length > 0;
  }

  /** To the server numbered `server`, or to each in turn (api-node trusts one proxy: `ip` is the client). */
  function send(request: ClusterRequest & { server?: number }): Promise<ApiResponse> {
    const node = nodes[request.server ?? next++ % nodes.length]!;
    return sendApiRequest(`http://127.0.0.1:${node.port}`, request.key, request);
  }

  return {
    nodes,
    send,
    listening,
    /** Terminates server `index`'s LISTEN backend and waits until it is gone. */
    async cutListen(index: number) {
      const name = listenApplicationName(nodes[index]!.serverId);
      const [row] = await adminSql()`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = ${name}`;
      if (row!.n !== 1) throw new Error(`server ${index} had ${row!.n} LISTEN connections`);
      while (await listening(index)) await new Promise((r) => setTimeout(r, 5));
    },
    async stop() {
      await Promise.all(nodes.map((node) => node.stop()));
      await admin?.end({ timeout: 5 });
    },
  };
}

async function startNode(databaseUrl: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, API_NODE_PORT: "0", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [port, serverId] = await new Promise<[number, string]>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /api-node ready on (\d+) as ([0-9a-f-]+)/.exec(output);
      if (ready) resolve([Number(ready[1]), ready[2]!]);
    });
    child.once("exit", (code) => reject(new Error(`api-node exited with ${code} before it was ready`)));
  });
  return {
    port,
    /** Its id in the server registry. */
    serverId,
    pid: child.pid!,
    /** Calls `listener` once the process has exited (at once if it already has). */
    onExit(listener: () => void) {
      if (child.exitCode !== null || child.signalCode !== null) listener();
      else child.once("exit", () => listener());
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
