import { InboxOutlined, SafetyOutlined, UnorderedListOutlined, UserAddOutlined } from "@ant-design/icons";
import { isStaff, RequireUser } from "../components/guards";
import { useSession } from "../components/session";
import { type NavItem, StaffLayout } from "../components/staff-layout";

/** 工作台: the staff face for handling cases. */
export function WorkbenchLayout() {
  const permissions: string[] = useSession().data?.user?.permissions ?? [];
  const nav: NavItem[] = [
    { key: "/workbench", label: "我的待办", icon: <InboxOutlined /> },
    { key: "/workbench/queue/precheck", label: "办件队列", icon: <UnorderedListOutlined /> },
    ...(permissions.includes("case.review")
      ? [{ key: "/workbench/commitments", label: "承诺核查", icon: <SafetyOutlined /> }]
      : []),
    ...(permissions.includes("case.intake")
      ? [{ key: "/workbench/intake", label: "一窗受理", icon: <UserAddOutlined /> }]
      : []),
  ];
  return (
    <RequireUser allow={isStaff}>
      <StaffLayout subtitle="工作台" home="/workbench" nav={nav} />
    </RequireUser>
  );
}
