import { expect } from "vitest";
import type { Role } from "../platform/auth.js";
import { staffClient, type TestApp, type TestClient } from "./harness.js";

const PASSWORD = "Probe#2026x";

/**
 * A staff member of the named org holding several roles at once, made by the system administrator as an
 * administrator would (POST /api/users), who then picks their own password: a signed-in client ready to use.
 */
export async function staffWithRoles(
  t: TestApp,
  input: { username: string; name: string; orgName: string; roles: Role[] },
): Promise<{ client: TestClient; userId: string }> {
  const sysadmin = await staffClient(t, "sysadmin");
  const orgs = (await t.app.inject({ method: "GET", url: "/api/orgs" })).json() as { id: string; name: string }[];
  const orgId = orgs.find((o) => o.name === input.orgName)?.id;
  if (!orgId) throw new Error(`no org named ${input.orgName}`);
  const created = await sysadmin.request("POST", "/api/users", {
    username: input.username,
    name: input.name,
    orgId,
    roles: input.roles,
    password: "Temp#2026x",
  });
  expect(created.statusCode, created.body).toBe(201);
  const client = await staffClient(t, input.username, "Temp#2026x");
  const changed = await client.request("POST", "/api/auth/password", {
    currentPassword: "Temp#2026x",
    newPassword: PASSWORD,
  });
  expect(changed.statusCode, changed.body).toBeLessThan(300);
  const session = (await client.request("GET", "/api/auth/session")).json();
  if (session.user?.mustChangePassword) {
    // Some versions end the session with the change; sign in again with the new password.
    return { client: await staffClient(t, input.username, PASSWORD), userId: created.json().id };
  }
  return { client, userId: created.json().id };
}
