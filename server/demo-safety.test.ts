import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installSecurityHeaders, warnIfDemoIsReachable } from "./app.js";
import { framableBySite } from "./platform/http.js";
import { createLogger } from "./platform/logger.js";
import { startTestApp, type TestApp } from "./test/harness.js";

let t: TestApp;
beforeAll(async () => {
  // Proxies trusted on purpose: even then, a forwarded address must not make a request local.
  t = await startTestApp({ trustProxy: 1 });
});
afterAll(() => t.close());

const CHINESE = /[\u4e00-\u9fff]/;

describe("the dev inbox, outbox and captcha answers in demo mode", () => {
  const get = (url: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, remoteAddress, headers });
  const devUrls = () => {
    const { token } = t.services.captchas.issue();
    return ["/api/dev/inbox", "/api/dev/mail", `/api/dev/captcha?token=${encodeURIComponent(token)}`];
  };

  it("answer a client on this machine", async () => {
    for (const address of ["127.0.0.1", "127.3.4.5", "::1", "::ffff:127.0.0.1"]) {
      for (const url of devUrls()) expect((await get(url, address)).statusCode, `${url} from ${address}`).toBe(200);
    }
    const { token } = t.services.captchas.issue();
    const answer = await get(`/api/dev/captcha?token=${encodeURIComponent(token)}`, "127.0.0.1");
    expect(answer.json().answer).toMatch(/^\w{4}$/);
  });

  it("refuse every other client, with a Chinese message and a code", async () => {
    for (const address of ["192.168.1.20", "10.0.0.5", "::ffff:10.0.0.5", "2001:db8::5", "128.0.0.1"]) {
      for (const url of devUrls()) {
        const refused = await get(url, address);
        expect(refused.statusCode, `${url} from ${address}`).toBe(403);
        expect(refused.json().code).toBe("LOOPBACK_ONLY");
        expect(refused.json().message).toMatch(CHINESE);
        expect(refused.body).not.toMatch(/验证码为 \d{6}|"answer"/);
      }
    }
  });

  it("judge the socket's address, so a forwarded header can neither fake nor hide a local client", async () => {
    for (const url of devUrls()) {
      // A stranger naming loopback in X-Forwarded-For, which a trusted hop count would otherwise believe.
      expect((await get(url, "203.0.113.7", { "x-forwarded-for": "127.0.0.1" })).statusCode).toBe(403);
      // A request relayed by a proxy running on this machine comes from elsewhere.
      expect((await get(url, "127.0.0.1", { "x-forwarded-for": "203.0.113.7" })).statusCode).toBe(403);
      expect((await get(url, "127.0.0.1", { forwarded: "for=203.0.113.7" })).statusCode).toBe(403);
    }
  });

  it("are off, for everyone, outside demo mode", async () => {
    const production = await startTestApp({ demo: false });
    try {
      const inbox = await production.app.inject({ method: "GET", url: "/api/dev/inbox" });
      expect(inbox.statusCode).toBe(404);
      expect(inbox.json().code).toBe("DEMO_MODE_OFF");
    } finally {
      await production.close();
    }
  });
});

describe("demo mode beyond this machine", () => {
  function warnings(host: string, demo: boolean): { level: number; msg: string }[] {
    const lines: string[] = [];
    warnIfDemoIsReachable(
      { ...t.config, host, demo },
      createLogger("info", (line) => lines.push(line)),
    );
    return lines.map((line) => JSON.parse(line));
  }

  it("is warned about loudly at start, in Chinese and English", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10"]) {
      const [warning, ...rest] = warnings(host, true);
      expect(rest).toEqual([]);
      expect(warning?.level).toBeGreaterThanOrEqual(40);
      expect(warning?.msg).toContain("演示模式");
      expect(warning?.msg).toContain("demo mode");
      expect(warning?.msg).toContain("DEMO=false");
    }
  });

  it("is not warned about on loopback, nor when demo mode is off", () => {
    expect(warnings("127.0.0.1", true)).toEqual([]);
    expect(warnings("localhost", true)).toEqual([]);
    expect(warnings("::1", true)).toEqual([]);
    expect(warnings("0.0.0.0", false)).toEqual([]);
  });
});

describe("framing", () => {
  const frameAncestors = (csp: unknown) => /frame-ancestors ([^;]+)/.exec(String(csp))?.[1];

  it("is refused alike by CSP and X-Frame-Options on pages and API answers", async () => {
    for (const url of ["/", "/results", "/kiosk", "/api/health", "/api/nope"]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(frameAncestors(response.headers["content-security-policy"]), url).toBe("'none'");
      expect(response.headers["x-frame-options"], url).toBe("DENY");
    }
  });

  it("is allowed to this site alike by both headers on a document the site frames (print preview)", async () => {
    const app = Fastify();
    installSecurityHeaders(app);
    app.get("/api/document", (_request, reply) => framableBySite(reply).type("application/pdf").send("%PDF-1.7"));
    try {
      const response = await app.inject({ method: "GET", url: "/api/document" });
      expect(frameAncestors(response.headers["content-security-policy"])).toBe("'self'");
      expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
    } finally {
      await app.close();
    }
  });
});
