import { describe, expect, it } from "vitest";
import { Health } from "./health";

const up = () => Promise.resolve();
const down = () => Promise.reject(new Error("ECONNREFUSED"));

describe("Health.readiness", () => {
  it("answers 503 starting until the server is ready, then 200 ok", async () => {
    const health = new Health();
    expect(await health.readiness()).toEqual({ status: 503, body: { status: "starting" } });
    health.ready({ database: up, listen: () => true });
    expect(await health.readiness()).toEqual({ status: 200, body: { status: "ok", database: "up", listen: "up" } });
  });

  it("stays in the balancer during a database outage, as degraded: the outage is every server's", async () => {
    const health = new Health();
    health.ready({ database: down, listen: () => false });
    expect(await health.readiness()).toEqual({ status: 200, body: { status: "degraded", database: "down", listen: "down" } });
  });

  it("reports a lost LISTEN connection as degraded", async () => {
    const health = new Health();
    health.ready({ database: up, listen: () => false });
    expect((await health.readiness()).body).toEqual({ status: "degraded", database: "up", listen: "down" });
  });

  it("counts a database that does not answer within a second as down", async () => {
    const health = new Health();
    health.ready({ database: () => new Promise(() => {}), listen: () => true });
    const started = Date.now();
    expect((await health.readiness()).body).toMatchObject({ database: "down" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("asks the database at most once a second, however often it is asked", async () => {
    let asked = 0;
    const health = new Health();
    health.ready({ database: async () => void asked++, listen: () => true });
    await Promise.all(Array.from({ length: 50 }, () => health.readiness()));
    await health.readiness();
    expect(asked).toBe(1);
  });

  it("answers 503 draining once shutdown begins", async () => {
    const health = new Health();
    health.ready({ database: up, listen: () => true });
    health.drain();
    expect(await health.readiness()).toEqual({ status: 503, body: { status: "draining" } });
  });
});
