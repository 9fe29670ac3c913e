import { Button, Result } from "antd";
import { createBrowserRouter, Link, Navigate } from "react-router";
import { AdminLayout } from "./admin/admin-layout";
import { AuditPage } from "./admin/audit-page";
import { CalendarPage } from "./admin/calendar-page";
import { OrgsPage } from "./admin/orgs-page";
import { UsersPage } from "./admin/users-page";
import { RequireUser } from "./components/guards";
import { useSession } from "./components/session";
import { KioskPage } from "./kiosk/kiosk";
import { DevInboxPage } from "./portal/dev-inbox-page";
import { HomePage, SearchPage } from "./portal/home-page";
import { MePage } from "./portal/me-page";
import { PortalLayout } from "./portal/portal-layout";
import { SignInPage } from "./portal/sign-in-page";
import { WorkbenchHome } from "./workbench/workbench-home";
import { WorkbenchLayout } from "./workbench/workbench-layout";

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已移除。"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}

/** /admin opens the first page the administrator may use. */
function AdminHome() {
  const permissions = useSession().data?.user?.permissions ?? [];
  const first = [
    ["org.manage", "orgs"],
    ["user.manage", "users"],
    ["calendar.manage", "calendar"],
    ["audit.view", "audit"],
  ].find(([p]) => permissions.includes(p as never));
  return <Navigate to={`/admin/${first?.[1] ?? "audit"}`} replace />;
}

export const router = createBrowserRouter([
  {
    path: "/",
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "search", element: <SearchPage /> },
      { path: "sign-in", element: <SignInPage /> },
      { path: "dev/inbox", element: <DevInboxPage /> },
      {
        path: "me",
        element: (
          <RequireUser allow={() => true}>
            <MePage />
          </RequireUser>
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
  { path: "/workbench", element: <WorkbenchLayout />, children: [{ index: true, element: <WorkbenchHome /> }] },
  {
    path: "/admin",
    element: <AdminLayout />,
    children: [
      { index: true, element: <AdminHome /> },
      { path: "orgs", element: <OrgsPage /> },
      { path: "users", element: <UsersPage /> },
      { path: "calendar", element: <CalendarPage /> },
      { path: "audit", element: <AuditPage /> },
    ],
  },
  { path: "/kiosk", element: <KioskPage /> },
]);
