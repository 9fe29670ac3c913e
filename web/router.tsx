import { Button, Result } from "antd";
import { createBrowserRouter, Link, Navigate } from "react-router";
import { AdminLayout } from "./admin/admin-layout";
import { AuditPage } from "./admin/audit-page";
import { CalendarPage } from "./admin/calendar-page";
import { CatalogListPage } from "./admin/catalog-list-page";
import { ItemEditorPage } from "./admin/item-editor-page";
import { OrgsPage } from "./admin/orgs-page";
import { PowersAdminPage } from "./admin/powers-page";
import { UsersPage } from "./admin/users-page";
import { RequireUser } from "./components/guards";
import { useSession } from "./components/session";
import { KioskPage } from "./kiosk/kiosk";
import { DevInboxPage } from "./portal/dev-inbox-page";
import { GuidePage } from "./portal/guide-page";
import { HomePage } from "./portal/home-page";
import { MePage } from "./portal/me-page";
import { OrgPage } from "./portal/org-page";
import { PortalLayout } from "./portal/portal-layout";
import { PowersPage } from "./portal/powers-page";
import { SearchPage } from "./portal/search-page";
import { SelfServicePage } from "./portal/self-service-page";
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
    ["catalog.manage", "catalog"],
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
      { path: "items/:id", element: <GuidePage /> },
      { path: "orgs/:id", element: <OrgPage /> },
      { path: "orgs/:id/powers", element: <PowersPage /> },
      { path: "self-service", element: <SelfServicePage /> },
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
      { path: "catalog", element: <CatalogListPage /> },
      { path: "catalog/:id", element: <ItemEditorPage /> },
      { path: "powers", element: <PowersAdminPage /> },
      { path: "users", element: <UsersPage /> },
      { path: "calendar", element: <CalendarPage /> },
      { path: "audit", element: <AuditPage /> },
    ],
  },
  { path: "/kiosk", element: <KioskPage /> },
]);
