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

  it("keeps files in an S3 bucket only when the bucket, endpoint and keys are all given", () => {
    expect(loadConfig({}).s3).toBeUndefined();
    expect(() => loadConfig({ S3_BUCKET: "banshi" })).toThrow(/S3_BUCKET: 设置 S3_BUCKET 时须同时设置 S3_ENDPOINT/);
    const s3 = {
      S3_BUCKET: "banshi",
      S3_ENDPOINT: "https://oss.example.gov.cn",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
    };
    expect(loadConfig(s3).s3).toMatchObject({
      bucket: "banshi",
      region: "us-east-1",
      endpoint: "https://oss.example.gov.cn",
    });
  });
});
