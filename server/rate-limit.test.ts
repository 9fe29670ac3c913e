import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./test/harness.js";

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((app) => app.close())));

// A fresh client address per run, so counts left in a shared Redis by an earlier run do not matter.
const clientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function attemptSignIn(app: TestApp, address: string) {
  return app.app.inject({
    method: "POST",
    url: "/api/auth/staff/sign-in",
    headers: { "x-forwarded-for": address, cookie: "banshi_csrf=t", "x-csrf-token": "t" },
    payload: { username: "nobody", password: "Wrong#Pass1" },
  });
}

describe("sign-in rate limit", () => {
  it("refuses the request over the limit with a Chinese message", async () => {
    const app = await startTestApp({ signInRateLimit: 3, trustProxy: true });
    apps.push(app);
    const address = clientAddress();
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attemptSignIn(app, address)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await attemptSignIn(app, address);
    expect(limited.json()).toEqual({ code: "TOO_MANY_REQUESTS", message: "请求过于频繁，请稍后再试" });
    expect((await attemptSignIn(app, clientAddress())).statusCode).toBe(401);
  });

  it.runIf(process.env.REDIS_URL)("is shared by every server process through Redis", async () => {
    const redisUrl = process.env.REDIS_URL;
    const first = await startTestApp({ signInRateLimit: 3, trustProxy: true, redisUrl });
    const second = await startTestApp({ signInRateLimit: 3, trustProxy: true, redisUrl });
    apps.push(first, second);
    const address = clientAddress();
    const codes = [];
    for (const app of [first, second, first, second]) codes.push((await attemptSignIn(app, address)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});
