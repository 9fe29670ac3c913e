import { z } from "zod";
import { STAFF_ROLES } from "../../../common/vocabulary.js";
import { PERMISSIONS, ROLES } from "../../platform/auth.js";
import { pageOf, pageQuery, text } from "../../platform/http.js";
import { isValidCreditCode, isValidIdNumber, isValidMobile } from "../../platform/identity.js";

export const phone = z
  .string({ message: "请输入手机号" })
  .trim()
  .refine(isValidMobile, { message: "手机号格式不正确，应为 11 位中国大陆手机号" });

const idNumber = z
  .string({ message: "请输入身份证号" })
  .trim()
  .transform((value) => value.toUpperCase())
  .refine(isValidIdNumber, { message: "身份证号码无效（位数、出生日期或校验位不正确）" });

const creditCode = z
  .string({ message: "请输入统一社会信用代码" })
  .trim()
  .transform((value) => value.toUpperCase())
  .refine(isValidCreditCode, { message: "统一社会信用代码无效（格式或校验位不正确）" });

const smsCode = z.string({ message: "请输入验证码" }).regex(/^[0-9]{6}$/, { message: "验证码应为 6 位数字" });

export const smsCodeBody = z.object({ phone });

const signUp = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("person"), name: text("姓名", 40), idNumber }),
    z.object({ kind: z.literal("legal_person"), name: text("单位名称", 100), creditCode }),
  ],
  { message: "注册类型应为个人或法人" },
);

export const applicantSignInBody = z.object({
  phone,
  code: smsCode,
  signUp: signUp
    .optional()
    .meta({ description: "首次登录时填写：个人实名（姓名+身份证号）或法人（名称+统一社会信用代码）" }),
});

/** 自助终端: sign-in by ID card number and a code sent to the phone registered with it. */
export const idSmsCodeBody = z.object({ idNumber });
export const idSignInBody = z.object({ idNumber, code: smsCode });

/** A walk-in registered by a window clerk (一窗受理); they sign in later with the phone number. */
export const registerApplicantBody = z.object({ phone, signUp });

export const staffSignInBody = z.object({
  username: text("用户名", 40),
  password: z.string({ message: "请输入密码" }).min(1, { message: "请输入密码" }).max(128, { message: "密码过长" }),
  captchaToken: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "账号密码错误 3 次后须填写：GET /api/auth/captcha 所得验证码的令牌" }),
  captchaAnswer: z.string().trim().max(10).optional().meta({ description: "验证码图片上的字符" }),
});

export const newPassword = z
  .string({ message: "请输入新密码" })
  .min(8, { message: "密码至少 8 位" })
  .max(64, { message: "密码不能超过 64 位" })
  .refine((value) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(value)).length >= 3, {
    message: "密码须包含大写字母、小写字母、数字、符号中的至少三类",
  });

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(128), newPassword });

export const face = z.enum(["portal", "workbench", "admin"]);

export const sessionUser = z
  .object({
    id: z.uuid(),
    kind: z.enum(["person", "legal_person", "staff"]),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    permissions: z.array(z.enum(PERMISSIONS)),
    orgId: z.uuid().nullable(),
    orgName: z.string().nullable(),
    phone: z.string().nullable().meta({ description: "脱敏手机号" }),
    idNumber: z.string().nullable().meta({ description: "脱敏身份证号" }),
    creditCode: z.string().nullable(),
    email: z.string().nullable().meta({ description: "脱敏电子邮箱" }),
    mustChangePassword: z.boolean(),
    face,
  })
  .meta({ id: "SessionUser" });

export const emailBody = z.object({
  email: z
    .string()
    .trim()
    .max(100, { message: "电子邮箱不能超过 100 个字符" })
    .pipe(z.union([z.literal(""), z.email({ message: "电子邮箱格式不正确" })]))
    .meta({ description: "留空则不再以邮件通知" }),
});

export const sessionResponse = z.object({ user: sessionUser.nullable(), idleMinutes: z.number().int() });

const staffRole = z.enum(STAFF_ROLES, { message: "角色无效" });

export const userView = z
  .object({
    id: z.uuid(),
    kind: z.enum(["person", "legal_person", "staff"]),
    name: z.string(),
    username: z.string().nullable(),
    orgId: z.uuid().nullable(),
    orgName: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    status: z.enum(["active", "disabled"]),
    lockedUntil: z.iso
      .datetime()
      .nullable()
      .meta({ description: "某个网络地址因密码连续错误被锁定，至此时间为止（锁定按账号与网络地址计）" }),
    mustChangePassword: z.boolean(),
    phone: z.string().nullable(),
    idNumber: z.string().nullable(),
    creditCode: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "User" });

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional().meta({ description: "姓名或用户名（模糊）" }),
  orgId: z.uuid({ message: "单位编号格式不正确" }).optional(),
  role: staffRole.optional(),
});

export const listApplicantsQuery = pageQuery.extend({
  q: z
    .string()
    .trim()
    .max(40)
    .optional()
    .meta({ description: "姓名（模糊），或完整的手机号、身份证号、统一社会信用代码（精确）" }),
});

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, { message: "用户名须以小写字母开头，3–32 位小写字母、数字或 _ . -" }),
  name: text("姓名", 40),
  orgId: z.uuid({ message: "单位编号格式不正确" }),
  roles: z.array(staffRole).min(1, { message: "至少选择一个角色" }).max(ROLES.length),
  password: newPassword,
  phone: phone.optional(),
});

export const updateUserBody = z.object({
  name: text("姓名", 40).optional(),
  roles: z.array(staffRole).min(1, { message: "至少选择一个角色" }).max(ROLES.length).optional(),
  status: z.enum(["active", "disabled"], { message: "状态无效" }).optional(),
  version: z.number({ message: "缺少版本号" }).int(),
});

export const resetPasswordBody = z.object({ password: newPassword });

export const usersPage = pageOf(userView);

export type ApplicantSignInInput = z.infer<typeof applicantSignInBody>;
export type StaffSignInInput = z.infer<typeof staffSignInBody>;
export type ChangePasswordInput = z.infer<typeof changePasswordBody>;
export type SessionUser = z.infer<typeof sessionUser>;
export type UserView = z.infer<typeof userView>;
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
export type ListApplicantsQuery = z.infer<typeof listApplicantsQuery>;
export type CreateUserInput = z.infer<typeof createUserBody>;
export type UpdateUserInput = z.infer<typeof updateUserBody>;
