import { DownOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ChangePasswordModal } from "./change-password";
import { type SessionUser, useSession, useSignOut } from "./session";

const FACE_LINKS: { face: SessionUser["face"][]; to: string; label: string }[] = [
  { face: ["portal"], to: "/me", label: "个人中心" },
  { face: ["portal"], to: "/me/cases", label: "我的办件" },
  { face: ["portal"], to: "/me/bundles", label: "我的一件事" },
  { face: ["portal"], to: "/me/licences", label: "我的证照" },
  { face: ["workbench", "admin"], to: "/workbench", label: "工作台" },
  { face: ["admin"], to: "/admin", label: "管理后台" },
];

/** The signed-in user's name with sign-out and password change; a sign-in link otherwise. */
export function UserMenu() {
  const { data } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  const user = data?.user;
  if (!user) {
    return (
      <Link to="/sign-in">
        <Button type="primary">登录 / 注册</Button>
      </Link>
    );
  }
  const items = [
    ...FACE_LINKS.filter((l) => l.face.includes(user.face)).map((l) => ({ key: l.to, label: l.label })),
    ...(user.kind === "staff" ? [{ key: "password", label: "修改密码" }] : []),
    { type: "divider" as const },
    { key: "sign-out", label: "退出登录", danger: true },
  ];
  return (
    <>
      <Dropdown
        menu={{
          items,
          onClick: ({ key }) => {
            if (key === "sign-out") signOut.mutate(undefined, { onSettled: () => navigate("/") });
            else if (key === "password") setChanging(true);
            else void navigate(key);
          },
        }}
      >
        <Button type="text" className="user-menu" aria-label={`当前用户 ${user.name}，打开菜单`}>
          <UserOutlined />
          <span className="user-name">{user.name}</span>
          {user.orgName && <span className="user-org">{user.orgName}</span>}
          <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal
        open={changing || user.mustChangePassword}
        forced={user.mustChangePassword}
        onClose={() => setChanging(false)}
      />
    </>
  );
}
