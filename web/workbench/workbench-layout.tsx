import { InboxOutlined } from "@ant-design/icons";
import { isStaff, RequireUser } from "../components/guards";
import { StaffLayout } from "../components/staff-layout";

/** 工作台: the staff face for handling cases. */
export function WorkbenchLayout() {
  return (
    <RequireUser allow={isStaff}>
      <StaffLayout
        subtitle="工作台"
        home="/workbench"
        nav={[{ key: "/workbench", label: "我的待办", icon: <InboxOutlined /> }]}
      />
    </RequireUser>
  );
}
