import {
  AlertOutlined,
  InboxOutlined,
  LikeOutlined,
  QuestionCircleOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ToolOutlined,
  UnorderedListOutlined,
  UserAddOutlined,
} from "@ant-design/icons";
import { isStaff, RequireUser } from "../components/guards";
import { useSession } from "../components/session";
import { type NavItem, StaffLayout } from "../components/staff-layout";

/** 工作台: the staff face for handling cases. */
export function WorkbenchLayout() {
  const permissions: string[] = useSession().data?.user?.permissions ?? [];
  const answersForService = permissions.includes("feedback.handle") || permissions.includes("supervision.view");
  const nav: NavItem[] = [
    { key: "/workbench", label: "我的待办", icon: <InboxOutlined /> },
    { key: "/workbench/queue/precheck", label: "办件队列", icon: <UnorderedListOutlined /> },
    ...(permissions.includes("case.review")
      ? [
          { key: "/workbench/commitments", label: "承诺核查", icon: <SafetyOutlined /> },
          { key: "/workbench/licences", label: "电子证照", icon: <SafetyCertificateOutlined /> },
        ]
      : []),
    ...(permissions.includes("case.intake")
      ? [{ key: "/workbench/intake", label: "一窗受理", icon: <UserAddOutlined /> }]
      : []),
    ...(permissions.includes("consultation.answer")
      ? [{ key: "/workbench/consultations", label: "咨询答复", icon: <QuestionCircleOutlined /> }]
      : []),
    ...(answersForService
      ? [
          { key: "/workbench/rectifications", label: "差评整改", icon: <ToolOutlined /> },
          { key: "/workbench/complaints", label: "投诉举报", icon: <AlertOutlined /> },
        ]
      : []),
    { key: "/workbench/ratings", label: "评价与申诉", icon: <LikeOutlined /> },
  ];
  return (
    <RequireUser allow={isStaff}>
      <StaffLayout subtitle="工作台" home="/workbench" nav={nav} />
    </RequireUser>
  );
}
