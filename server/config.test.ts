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

  it("takes TRUST_PROXY as a hop count or a list of proxy addresses, and refuses true", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback" }).trustProxy).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
    // `true` would believe the left-most X-Forwarded-For, which the client writes: refused at start, saying what to give.
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: 不再接受 true.*代理层数（如 1）.*地址列表/);
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/33,10.0.0.1" })).toThrow(
      /TRUST_PROXY: 无效的代理地址 “10\.0\.0\.0\/33”/,
    );
    expect(() => loadConfig({ TRUST_PROXY: "proxy.example.gov.cn" })).toThrow(/TRUST_PROXY: 无效的代理地址/);
    expect(() => loadConfig({ TRUST_PROXY: "11" })).toThrow(/TRUST_PROXY: 代理层数应在 1–10 之间/);
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
