import { Button, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { Link, Navigate, useLocation } from "react-router";
import type { components } from "../api/schema";
import { type SessionUser, useSession } from "./session";

type Permission = components["schemas"]["SessionUser"]["permissions"][number];

/**
 * Shows its children only to a signed-in user who passes `allow`; sends others to sign in first.
 * The server enforces the same rules on every request: this only spares users a page they cannot use.
 */
export function RequireUser({ allow, children }: { allow: (user: SessionUser) => boolean; children: ReactNode }) {
  const { data, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <Spin size="large" className="page-spinner" tip="加载中…" fullscreen />;
  if (!data?.user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!allow(data.user)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="您的账号没有使用此页面的权限。"
        extra={
          <Link to="/">
            <Button type="primary">返回首页</Button>
          </Link>
        }
      />
    );
  }
  return children;
}

export const isStaff = (user: SessionUser) => user.kind === "staff";
export const can = (permission: Permission) => (user: SessionUser) => user.permissions.includes(permission);
