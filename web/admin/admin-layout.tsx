import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { can, RequireUser } from "../components/guards";
import { useSession } from "../components/session";
import { type NavItem, StaffLayout } from "../components/staff-layout";

/** 管理后台: orgs, users, the calendar and the audit log, each shown to those who may use it. */
export function AdminLayout() {
  const user = useSession().data?.user;
  const has = (p: string) => user?.permissions.includes(p as never) ?? false;
  const nav: NavItem[] = [
    ...(has("catalog.manage") ? [{ key: "/admin/catalog", label: "事项管理", icon: <BookOutlined /> }] : []),
    ...(has("catalog.manage") ? [{ key: "/admin/bundles", label: "一件事管理", icon: <ClusterOutlined /> }] : []),
    ...(has("catalog.manage")
      ? [{ key: "/admin/powers", label: "权责清单", icon: <SafetyCertificateOutlined /> }]
      : []),
    ...(has("org.manage") ? [{ key: "/admin/orgs", label: "单位管理", icon: <ApartmentOutlined /> }] : []),
    ...(has("user.manage") ? [{ key: "/admin/users", label: "用户管理", icon: <TeamOutlined /> }] : []),
    ...(has("calendar.manage") ? [{ key: "/admin/calendar", label: "工作日历", icon: <CalendarOutlined /> }] : []),
    ...(has("results.manage") ? [{ key: "/admin/results", label: "成绩发布", icon: <FileDoneOutlined /> }] : []),
    ...(has("partner.manage") ? [{ key: "/admin/partners", label: "合作应用", icon: <ApiOutlined /> }] : []),
    ...(has("jobs.manage") ? [{ key: "/admin/jobs", label: "任务与投递", icon: <SendOutlined /> }] : []),
    ...(has("audit.view") ? [{ key: "/admin/audit", label: "审计日志", icon: <AuditOutlined /> }] : []),
  ];
  return (
    <RequireUser
      allow={(u) =>
        can("catalog.manage")(u) ||
        can("org.manage")(u) ||
        can("user.manage")(u) ||
        can("calendar.manage")(u) ||
        can("results.manage")(u) ||
        can("partner.manage")(u) ||
        can("jobs.manage")(u) ||
        can("audit.view")(u)
      }
    >
      <StaffLayout subtitle="管理后台" home="/admin" nav={nav} />
    </RequireUser>
  );
}
