import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffClient, startTestApp, type TestApp } from "../../test/harness.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Org = { id: string; parentId: string | null; name: string; kind: string; version: number };

async function orgByName(name: string, parentName?: string): Promise<Org> {
  const all: Org[] = (await t.app.inject({ method: "GET", url: "/api/orgs" })).json();
  const parent = parentName ? all.find((o) => o.name === parentName) : undefined;
  const org = all.find((o) => o.name === name && (!parent || o.parentId === parent.id));
  if (!org) throw new Error(`no org ${name}`);
  return org;
}

describe("the org tree", () => {
  it("has the department, 13 city bureaus, counties and universities with offices", async () => {
    const all: Org[] = (await t.app.inject({ method: "GET", url: "/api/orgs" })).json();
    const root = all.filter((o) => o.parentId === null);
    expect(root.map((o) => o.name)).toEqual(["黑龙江省教育厅"]);
    expect(all.filter((o) => o.kind === "city")).toHaveLength(13);
    expect(all.filter((o) => o.kind === "county").length).toBeGreaterThan(100);
    const hlju = await orgByName("黑龙江大学");
    expect(all.filter((o) => o.parentId === hlju.id).map((o) => o.name)).toContain("教务处");
  });

  it("lets a city admin add a county bureau in its own subtree only", async () => {
    const admin = await staffClient(t, "harbin.admin");
    const harbin = await orgByName("哈尔滨市教育局");
    const created = await admin.request("POST", "/api/orgs", {
      parentId: harbin.id,
      name: "哈尔滨新区教育局",
      kind: "county",
    });
    expect(created.statusCode).toBe(201);

    const qiqihar = await orgByName("齐齐哈尔市教育局");
    const outside = await admin.request("POST", "/api/orgs", {
      parentId: qiqihar.id,
      name: "某区教育局",
      kind: "county",
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe("OUT_OF_SCOPE");

    const wrongKind = await admin.request("POST", "/api/orgs", {
      parentId: harbin.id,
      name: "某大学",
      kind: "university",
    });
    expect(wrongKind.statusCode).toBe(400);

    const duplicate = await admin.request("POST", "/api/orgs", {
      parentId: harbin.id,
      name: "哈尔滨新区教育局",
      kind: "county",
    });
    expect(duplicate.json().code).toBe("ORG_NAME_TAKEN");
  });

  it("keeps a concurrent edit from overwriting another", async () => {
    const admin = await staffClient(t, "province.admin");
    const org = await orgByName("道里区教育局");
    const [first, second] = await Promise.all([
      admin.request("PATCH", `/api/orgs/${org.id}`, { name: "道里区教育局（甲）", version: org.version }),
      admin.request("PATCH", `/api/orgs/${org.id}`, { name: "道里区教育局（乙）", version: org.version }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json().message).toContain("已被他人修改");
  });
});

describe("user administration follows the tree", () => {
  it("shows a city admin only the staff of its subtree", async () => {
    const admin = await staffClient(t, "harbin.admin");
    const page = (await admin.request("GET", "/api/users?pageSize=100")).json();
    const names: string[] = page.items.map((u: { username: string }) => u.username);
    expect(names).toContain("nangang.clerk");
    expect(names).toContain("harbin.clerk");
    expect(names).not.toContain("sysadmin");
    expect(names).not.toContain("hlju.clerk");
  });

  it("creates staff who must change the password, and refuses to grant system admin", async () => {
    const admin = await staffClient(t, "harbin.admin");
    const nangang = await orgByName("南岗区教育局");
    const body = {
      username: "ng.new",
      name: "新同事",
      orgId: nangang.id,
      roles: ["window_clerk"],
      password: "First#Pass9",
    };
    const created = await admin.request("POST", "/api/users", body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ mustChangePassword: true, orgName: "南岗区教育局" });
    const again = await admin.request("POST", "/api/users", body);
    expect(again.json().code).toBe("USERNAME_TAKEN");
    const escalate = await admin.request("POST", "/api/users", {
      ...body,
      username: "ng.boss",
      roles: ["system_admin"],
    });
    expect(escalate.statusCode).toBe(403);

    const newcomer = await staffClient(t, "ng.new", "First#Pass9");
    const blocked = await newcomer.request("GET", "/api/applicants");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe("PASSWORD_CHANGE_REQUIRED");
    const changed = await newcomer.request("POST", "/api/auth/password", {
      currentPassword: "First#Pass9",
      newPassword: "Own#Secret42",
    });
    expect(changed.statusCode).toBe(200);
    expect((await newcomer.request("GET", "/api/applicants")).statusCode).toBe(200);
  });

  it("cannot touch a user outside its subtree", async () => {
    const province = await staffClient(t, "sysadmin");
    const hljuClerk = (await province.request("GET", "/api/users?q=hlju.clerk")).json().items[0];
    const admin = await staffClient(t, "harbin.admin");
    const response = await admin.request("PATCH", `/api/users/${hljuClerk.id}`, {
      status: "disabled",
      version: hljuClerk.version,
    });
    expect(response.statusCode).toBe(403);
  });

  it("audits every change with the org it belongs to", async () => {
    const admin = await staffClient(t, "harbin.admin");
    const log = (await admin.request("GET", "/api/audit?action=user.create")).json();
    expect(log.items.map((e: { summary: string }) => e.summary).join()).toContain("ng.new");
    const verify = await admin.request("GET", "/api/audit/verify");
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
