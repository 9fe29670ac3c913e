import type { StaffRole } from "../../../common/vocabulary.js";
import { systemActor } from "../../platform/audit.js";
import { creditCodeCheckChar, idNumberCheckChar } from "../../platform/identity.js";
import type { AccountsService, UsersService } from "../accounts/index.js";
import type { OrgService } from "../orgs/index.js";

export const DEMO_PASSWORD = "Banshi@2026";

type DemoStaff = { username: string; name: string; org: string[]; roles: StaffRole[] };

const PROVINCE = "黑龙江省教育厅";
const HARBIN = [PROVINCE, "哈尔滨市教育局"];
const NANGANG = [...HARBIN, "南岗区教育局"];
const HLJU = [PROVINCE, "黑龙江大学"];

export const DEMO_STAFF: DemoStaff[] = [
  { username: "sysadmin", name: "王建国", org: [PROVINCE], roles: ["system_admin"] },
  { username: "province.admin", name: "刘海燕", org: [PROVINCE], roles: ["org_admin"] },
  { username: "province.supervisor", name: "陈志强", org: [PROVINCE], roles: ["supervisor"] },
  { username: "province.legal", name: "赵丽娟", org: [PROVINCE], roles: ["legal_reviewer"] },
  { username: "province.approver", name: "孙伟", org: [PROVINCE], roles: ["approver"] },
  { username: "harbin.admin", name: "周静", org: HARBIN, roles: ["org_admin"] },
  { username: "harbin.clerk", name: "吴晓梅", org: HARBIN, roles: ["window_clerk"] },
  { username: "harbin.reviewer", name: "郑涛", org: HARBIN, roles: ["reviewer"] },
  { username: "harbin.approver", name: "冯刚", org: HARBIN, roles: ["approver"] },
  { username: "harbin.inspector", name: "何明", org: HARBIN, roles: ["inspector"] },
  { username: "nangang.clerk", name: "马丽", org: NANGANG, roles: ["window_clerk"] },
  { username: "nangang.reviewer", name: "高峰", org: NANGANG, roles: ["reviewer"] },
  { username: "hlju.admin", name: "林雪", org: HLJU, roles: ["org_admin"] },
  { username: "hlju.clerk", name: "杨帆", org: [...HLJU, "教务处"], roles: ["window_clerk"] },
  { username: "hlju.reviewer", name: "黄磊", org: [...HLJU, "教务处"], roles: ["reviewer", "approver"] },
];

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);
const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);

export const DEMO_APPLICANTS = [
  { phone: "13800000001", signUp: { kind: "person" as const, name: "张明", idNumber: idNumber("23010219900307123") } },
  { phone: "13800000002", signUp: { kind: "person" as const, name: "李华", idNumber: idNumber("23010320050915462") } },
  {
    phone: "13800000003",
    signUp: {
      kind: "legal_person" as const,
      name: "哈尔滨启明教育培训学校有限公司",
      creditCode: creditCode("91230103MA1BX2K7Q"),
    },
  },
];

/** Staff of every role in several orgs, and a few applicants; for demo mode only. */
export async function seedDemoAccounts(deps: { orgs: OrgService; users: UsersService; accounts: AccountsService }) {
  for (const staff of DEMO_STAFF) {
    const org = await deps.orgs.findByNamePath(staff.org);
    if (!org) throw new Error(`demo org missing: ${staff.org.join(" / ")}`);
    await deps.users.insertStaff(
      systemActor,
      { username: staff.username, name: staff.name, orgId: org.id, roles: staff.roles, password: DEMO_PASSWORD },
      { mustChangePassword: false },
    );
  }
  for (const applicant of DEMO_APPLICANTS) await deps.accounts.register(applicant.phone, applicant.signUp);
}
