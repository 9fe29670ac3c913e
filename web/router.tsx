import { Button, Result } from "antd";
import type { ComponentType } from "react";
import { createBrowserRouter, Link, Navigate } from "react-router";
import { RequireUser } from "./components/guards";
import { useSession } from "./components/session";
import { ApplyPage } from "./portal/apply-page";
import { BundleApplyPage, BundleGuidePage, BundlesPage } from "./portal/bundles-page";
import { ComplaintsPage } from "./portal/complaints-page";
import { DevInboxPage } from "./portal/dev-inbox-page";
import { GuidePage } from "./portal/guide-page";
import { HomePage } from "./portal/home-page";
import { MePage } from "./portal/me-page";
import { MyBundlePage, MyBundlesPage } from "./portal/my-bundles-page";
import { MyCasePage, MyCasesPage } from "./portal/my-cases-page";
import { MyFeedbackPage } from "./portal/my-feedback-page";
import { MyLicencesPage } from "./portal/my-licences-page";
import { OrgPage } from "./portal/org-page";
import { PortalLayout } from "./portal/portal-layout";
import { PowersPage } from "./portal/powers-page";
import { PublicRatingsPage } from "./portal/public-ratings-page";
import { RateByLinkPage } from "./portal/rate-page";
import { MyResultsPage, ResultLookupPage, ResultsPage } from "./portal/results-page";
import { SearchPage } from "./portal/search-page";
import { SelfServicePage } from "./portal/self-service-page";
import { SignInPage } from "./portal/sign-in-page";
import { VerifyPage } from "./portal/verify-page";

/**
 * Staff faces and the kiosk load on first visit, so the public hall — what most people open, often on a
 * phone — does not download the administration screens.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

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
    ["results.manage", "results"],
    ["partner.manage", "partners"],
    ["jobs.manage", "jobs"],
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
      {
        path: "items/:id/apply",
        element: (
          <RequireUser allow={(u) => u.kind !== "staff"}>
            <ApplyPage />
          </RequireUser>
        ),
      },
      {
        path: "me/cases",
        element: (
          <RequireUser allow={(u) => u.kind !== "staff"}>
            <MyCasesPage />
          </RequireUser>
        ),
      },
      {
        path: "me/cases/:id",
        element: (
          <RequireUser allow={(u) => u.kind !== "staff"}>
            <MyCasePage />
          </RequireUser>
        ),
      },
      { path: "bundles", element: <BundlesPage /> },
      { path: "bundles/:id", element: <BundleGuidePage /> },
      {
        path: "bundles/:id/apply",
        element: (
          <RequireUser allow={(u) => u.kind !== "staff"}>
            <BundleApplyPage />
          </RequireUser>
        ),
      },
      {
        path: "me/bundles",
        element: (
          <RequireUser allow={(u) => u.kind !== "staff"}>
            <MyBundlesPage />
          </RequireUser>
        ),
      },
      {
        path: "me/bundles/:id",
        element: (
          <RequireUser allow={(u) => u.kind !== "staff"}>
            <MyBundlePage />
          </RequireUser>
        ),
      },
      {
        path: "me/licences",
        element: (
          <RequireUser allow={(u) => u.kind !== "staff"}>
            <MyLicencesPage />
          </RequireUser>
        ),
      },
      { path: "verify", element: <VerifyPage /> },
      { path: "verify/:code", element: <VerifyPage /> },
      { path: "results", element: <ResultsPage /> },
      { path: "results/:id", element: <ResultLookupPage /> },
      {
        path: "me/results",
        element: (
          <RequireUser allow={(u) => u.kind === "person"}>
            <MyResultsPage />
          </RequireUser>
        ),
      },
      { path: "orgs/:id", element: <OrgPage /> },
      { path: "orgs/:id/powers", element: <PowersPage /> },
      { path: "self-service", element: <SelfServicePage /> },
      { path: "rate/:token", element: <RateByLinkPage /> },
      { path: "ratings", element: <PublicRatingsPage /> },
      { path: "complaints", element: <ComplaintsPage /> },
      {
        path: "me/feedback",
        element: (
          <RequireUser allow={(u) => u.kind !== "staff"}>
            <MyFeedbackPage />
          </RequireUser>
        ),
      },
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
  {
    path: "/workbench",
    lazy: page(
      () => import("./workbench/workbench-layout"),
      (m) => m.WorkbenchLayout,
    ),
    children: [
      {
        index: true,
        lazy: page(
          () => import("./workbench/workbench-home"),
          (m) => m.WorkbenchHome,
        ),
      },
      {
        path: "commitments",
        lazy: page(
          () => import("./workbench/commitment-checks-page"),
          (m) => m.CommitmentChecksPage,
        ),
      },
      {
        path: "rectifications",
        lazy: page(
          () => import("./workbench/rectifications-page"),
          (m) => m.RectificationsPage,
        ),
      },
      {
        path: "rectifications/:id",
        lazy: page(
          () => import("./workbench/rectifications-page"),
          (m) => m.RectificationPage,
        ),
      },
      {
        path: "complaints",
        lazy: page(
          () => import("./workbench/complaints-page"),
          (m) => m.ComplaintsPage,
        ),
      },
      {
        path: "complaints/:id",
        lazy: page(
          () => import("./workbench/complaints-page"),
          (m) => m.ComplaintPage,
        ),
      },
      {
        path: "consultations",
        lazy: page(
          () => import("./workbench/consultations-page"),
          (m) => m.ConsultationsPage,
        ),
      },
      {
        path: "ratings",
        lazy: page(
          () => import("./workbench/ratings-page"),
          (m) => m.RatingsPage,
        ),
      },
      {
        path: "licences",
        lazy: page(
          () => import("./workbench/licences-page"),
          (m) => m.LicencesPage,
        ),
      },
      {
        path: "intake",
        lazy: page(
          () => import("./workbench/intake-page"),
          (m) => m.IntakePage,
        ),
      },
      {
        path: "queue/:queue",
        lazy: page(
          () => import("./workbench/case-queue-page"),
          (m) => m.CaseQueuePage,
        ),
      },
      {
        path: "cases/:id",
        lazy: page(
          () => import("./workbench/case-page"),
          (m) => m.WorkbenchCasePage,
        ),
      },
    ],
  },
  {
    path: "/admin",
    lazy: page(
      () => import("./admin/admin-layout"),
      (m) => m.AdminLayout,
    ),
    children: [
      { index: true, element: <AdminHome /> },
      {
        path: "orgs",
        lazy: page(
          () => import("./admin/orgs-page"),
          (m) => m.OrgsPage,
        ),
      },
      {
        path: "catalog",
        lazy: page(
          () => import("./admin/catalog-list-page"),
          (m) => m.CatalogListPage,
        ),
      },
      {
        path: "catalog/:id",
        lazy: page(
          () => import("./admin/item-editor-page"),
          (m) => m.ItemEditorPage,
        ),
      },
      {
        path: "bundles",
        lazy: page(
          () => import("./admin/bundles-admin-page"),
          (m) => m.BundlesAdminPage,
        ),
      },
      {
        path: "bundles/:id",
        lazy: page(
          () => import("./admin/bundles-admin-page"),
          (m) => m.BundleEditorPage,
        ),
      },
      {
        path: "powers",
        lazy: page(
          () => import("./admin/powers-page"),
          (m) => m.PowersAdminPage,
        ),
      },
      {
        path: "users",
        lazy: page(
          () => import("./admin/users-page"),
          (m) => m.UsersPage,
        ),
      },
      {
        path: "calendar",
        lazy: page(
          () => import("./admin/calendar-page"),
          (m) => m.CalendarPage,
        ),
      },
      {
        path: "results",
        lazy: page(
          () => import("./admin/results-admin-page"),
          (m) => m.ResultsAdminPage,
        ),
      },
      {
        path: "partners",
        lazy: page(
          () => import("./admin/partners-page"),
          (m) => m.PartnersPage,
        ),
      },
      {
        path: "jobs",
        lazy: page(
          () => import("./admin/jobs-page"),
          (m) => m.JobsPage,
        ),
      },
      {
        path: "audit",
        lazy: page(
          () => import("./admin/audit-page"),
          (m) => m.AuditPage,
        ),
      },
    ],
  },
  {
    path: "/kiosk",
    lazy: page(
      () => import("./kiosk/kiosk"),
      (m) => m.KioskPage,
    ),
  },
]);
