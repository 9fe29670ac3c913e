/**
 * Names shared by the server and the web app: roles and org kinds, with the Chinese label users see.
 * Plain data with no imports, so both sides can use it.
 */

export const ROLES = [
  "applicant",
  "window_clerk",
  "reviewer",
  "approver",
  "legal_reviewer",
  "inspector",
  "supervisor",
  "org_admin",
  "system_admin",
] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, "applicant">;

export const ROLE_LABELS: Record<Role, string> = {
  applicant: "申请人",
  window_clerk: "窗口人员",
  reviewer: "审查人员",
  approver: "审批人员",
  legal_reviewer: "法制审核人员",
  inspector: "执法检查人员",
  supervisor: "督查人员",
  org_admin: "单位管理员",
  system_admin: "系统管理员",
};

export const STAFF_ROLES = ROLES.filter((role): role is StaffRole => role !== "applicant");

export const ORG_KINDS = ["province", "city", "county", "university", "office"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  province: "省教育厅",
  city: "市（地）教育局",
  county: "县（区）教育局",
  university: "高等学校",
  office: "校内部门",
};

/** Which kinds of org may sit under which: the tree mirrors the province's administrative structure. */
export const ORG_CHILD_KINDS: Record<OrgKind, OrgKind[]> = {
  province: ["city", "university"],
  city: ["county"],
  county: [],
  university: ["office"],
  office: [],
};

/** What each audited action is called on the audit page. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "session.open": "登录",
  "session.close": "退出登录",
  "applicant.register": "申请人注册",
  "user.create": "新建用户",
  "user.update": "修改用户",
  "user.lock": "账号锁定",
  "user.unlock": "解除锁定",
  "user.reset_password": "重置密码",
  "user.change_password": "修改密码",
  "org.seed": "初始化单位树",
  "org.create": "新建单位",
  "org.update": "修改单位",
  "calendar.set_day": "设置日历",
  "calendar.import_year": "导入年度安排",
};
