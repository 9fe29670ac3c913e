import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("has working defaults for the embedded mode", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      demo: true,
      sessionIdleMinutes: 30,
    });
    expect(config.dataDir.endsWith("/data")).toBe(true);
  });

  it("turns demo mode off by default on a PostgreSQL server", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://db/banshi" }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://db/banshi", DEMO: "true" }).demo).toBe(true);
  });

  it("names every bad variable in a clear message", () => {
    const attempt = () => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", DEMO: "yes" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT: 必须是数字/);
    expect(attempt).toThrow(/DATABASE_URL: 必须以 postgres:\/\//);
    expect(attempt).toThrow(/DEMO: 只能是/);
  });
});
